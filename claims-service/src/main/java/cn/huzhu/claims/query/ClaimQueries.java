package cn.huzhu.claims.query;

import cn.huzhu.claims.command.ClaimAdjudicatedEvent;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A claim as decided, read from its events. */
@Component
public class ClaimQueries {

    private final EventStore eventStore;

    public ClaimQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<ClaimAdjudicatedEvent> handle(FindClaimQuery query) {
        DomainEventStream events = eventStore.readEvents(query.claimId());
        ClaimAdjudicatedEvent found = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof ClaimAdjudicatedEvent decided) {
                found = decided;
            }
        }
        return Optional.ofNullable(found);
    }
}
