package cn.huzhu.enrollment.query;

import cn.huzhu.enrollment.command.roster.RosterPaidEvent;
import cn.huzhu.enrollment.command.roster.RosterSubmittedEvent;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A roster's outcome is the one event of its aggregate, so it is read from the event store rather than
 * copied into a view: the rejected rows as submitted (which the unit needs to correct them) stay in one place.
 */
@Component
public class RosterQueries {

    private final EventStore eventStore;

    public RosterQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<RosterRecord> handle(FindRosterQuery query) {
        DomainEventStream events = eventStore.readEvents(query.rosterId());
        RosterSubmittedEvent submitted = null;
        RosterPaidEvent paid = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof RosterSubmittedEvent outcome) {
                submitted = outcome;
            } else if (event.getPayload() instanceof RosterPaidEvent payment) {
                paid = payment;
            }
        }
        return submitted == null ? Optional.empty() : Optional.of(new RosterRecord(submitted, paid));
    }
}
