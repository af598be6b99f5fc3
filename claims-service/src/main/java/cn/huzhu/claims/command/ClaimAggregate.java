package cn.huzhu.claims.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A claim and its decisions. An approved claim is final, and so is a claim in review until an adjudicator
 * decides it, and every decision made in review; a claim the engine rejected (no cover yet, premium not
 * collected, plan not known yet) is decided again when it is sent again, the new decision recorded after the old.
 */
@Aggregate
public class ClaimAggregate {

    @AggregateIdentifier
    private String claimId;
    private ClaimStatus status;
    private boolean reviewed;
    private boolean revoked;
    private ClaimAdjudicatedEvent last;

    protected ClaimAggregate() {
    }

    ClaimAggregate(ClaimAdjudicatedEvent decision) {
        apply(decision);
    }

    /** Whether sending the claim again leaves it as it is. */
    boolean settled() {
        return status != ClaimStatus.REJECTED && status != ClaimStatus.PENDING_COVERAGE || reviewed;
    }

    /** Whether the claim waits for the member's cover to reach claims. */
    boolean pendingCoverage() {
        return status == ClaimStatus.PENDING_COVERAGE;
    }

    boolean inReview() {
        return status == ClaimStatus.IN_REVIEW;
    }

    boolean approved() {
        return status == ClaimStatus.APPROVED && !revoked;
    }

    boolean revoked() {
        return revoked;
    }

    ClaimAdjudicatedEvent last() {
        return last;
    }

    void decideAgain(ClaimAdjudicatedEvent decision) {
        if (settled() && !inReview()) {
            throw new IllegalStateException("A settled claim is not decided again");
        }
        apply(decision);
    }

    void revoke(ClaimRevokedEvent revocation) {
        apply(revocation);
    }

    @EventSourcingHandler
    void on(ClaimRevokedEvent event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(ClaimAdjudicatedEvent event) {
        claimId = event.claimId();
        status = event.status();
        reviewed |= event.review() != null;
        last = event;
    }
}
