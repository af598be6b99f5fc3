package cn.huzhu.enrollment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A submitted roster and its outcome, kept as the record the unit and the union refer to. */
@Aggregate
public class RosterAggregate {

    @AggregateIdentifier
    private String rosterId;

    protected RosterAggregate() {
    }

    RosterAggregate(RosterSubmittedEvent outcome) {
        apply(outcome);
    }

    @EventSourcingHandler
    void on(RosterSubmittedEvent event) {
        rosterId = event.rosterId();
    }
}
