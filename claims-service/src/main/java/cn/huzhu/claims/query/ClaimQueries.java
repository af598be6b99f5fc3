package cn.huzhu.claims.query;

import cn.huzhu.claims.command.claim.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.claim.ClaimRevokedEvent;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A claim as decided (and revoked), read from its events. */
@Component
public class ClaimQueries {

    private final EventStore eventStore;

    public ClaimQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<ClaimRecord> handle(FindClaimQuery query) {
        DomainEventStream events = eventStore.readEvents(query.claimId());
        ClaimAdjudicatedEvent decision = null;
        ClaimRevokedEvent revocation = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof ClaimAdjudicatedEvent decided) {
                decision = decided;
            } else if (event.getPayload() instanceof ClaimRevokedEvent revoked) {
                revocation = revoked;
            }
        }
        return decision == null ? Optional.empty() : Optional.of(new ClaimRecord(decision, revocation));
    }
}
