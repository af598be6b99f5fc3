package cn.huzhu.enrollment.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.enrollment.command.Districts;
import cn.huzhu.enrollment.command.NotEntitledException;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A grass-roots unit (employer union) that enrols its staff; it reports to one district. */
@Aggregate
public class UnitAggregate {

    @AggregateIdentifier
    private String unitId;
    /** The figures recorded for a year, of one plan or (null) of the unit's whole scheme. */
    private record Figures(int year, PlanId planId) {}

    private final java.util.Map<Figures, PayoutRatioRecordedEvent> payoutRatios = new java.util.HashMap<>();
    private boolean paysDuesInFull;

    protected UnitAggregate() {}

    @CommandHandler
    public UnitAggregate(RegisterUnitCommand command, Districts districts) {
        districts.check(command.district());
        apply(new UnitRegisteredEvent(
                command.unitId(),
                command.name().strip(),
                command.district().strip(),
                command.nature(),
                command.insuredHeadcount()));
    }

    /** Records the figures unless the same are already recorded (a repeated import changes nothing). */
    @CommandHandler
    public void handle(RecordPayoutRatioCommand command) {
        PayoutRatioRecordedEvent known = payoutRatios.get(new Figures(command.year(), command.planId()));
        if (known != null
                && known.enrolled() == command.enrolled()
                && known.payoutRatio().compareTo(command.payoutRatio()) == 0) {
            return;
        }
        apply(new PayoutRatioRecordedEvent(
                new UnitId(unitId),
                command.year(),
                command.enrolled(),
                command.payoutRatio(),
                command.source(),
                command.planId()));
    }

    /** Records the unit's dues status from the union's registers; the same status again records nothing. */
    @CommandHandler
    public void handle(SetUnitDuesStatusCommand command) {
        if (!command.setBy().keepsTheRegisters()) {
            throw new NotEntitledException(
                    "paysDuesInFull",
                    "Whether a unit pays its union dues in full comes from the union's registers:"
                            + " a district officer or the scheme administrator sets it");
        }
        if (command.paysDuesInFull() != paysDuesInFull) {
            apply(new UnitDuesStatusSetEvent(
                    new UnitId(unitId), command.paysDuesInFull(), command.setBy(), command.today()));
        }
    }

    @EventSourcingHandler
    void on(UnitDuesStatusSetEvent event) {
        paysDuesInFull = event.paysDuesInFull();
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        unitId = event.unitId().value();
    }

    @EventSourcingHandler
    void on(PayoutRatioRecordedEvent event) {
        payoutRatios.put(new Figures(event.year(), event.planId()), event);
    }
}
