package cn.huzhu.enrollment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A grass-roots unit (employer union) that enrols its staff; it reports to one district. */
@Aggregate
public class UnitAggregate {

    @AggregateIdentifier
    private String unitId;

    protected UnitAggregate() {
    }

    @CommandHandler
    public UnitAggregate(RegisterUnitCommand command) {
        apply(new UnitRegisteredEvent(command.unitId(), command.name().strip(), command.district().strip(),
                command.nature(), command.insuredHeadcount()));
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        unitId = event.unitId();
    }
}
