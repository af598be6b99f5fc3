package cn.huzhu.claims.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A claim and its decision; review and revocation will act on it. An approved claim is final; a claim the
 * engine rejected (no cover yet, premium not collected, plan not known yet) is decided again when it is sent
 * again, and the new decision is recorded after the old one.
 */
@Aggregate
public class ClaimAggregate {

    @AggregateIdentifier
    private String claimId;
    private ClaimStatus status;

    protected ClaimAggregate() {
    }

    ClaimAggregate(ClaimAdjudicatedEvent decision) {
        apply(decision);
    }

    boolean approved() {
        return status == ClaimStatus.APPROVED;
    }

    void decideAgain(ClaimAdjudicatedEvent decision) {
        if (approved()) {
            throw new IllegalStateException("An approved claim is not decided again");
        }
        apply(decision);
    }

    @EventSourcingHandler
    void on(ClaimAdjudicatedEvent event) {
        claimId = event.claimId();
        status = event.status();
    }
}
