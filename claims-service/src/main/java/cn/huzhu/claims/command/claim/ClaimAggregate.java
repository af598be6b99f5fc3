package cn.huzhu.claims.command.claim;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.RejectionCode;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A claim and its decisions. An approved claim is final, and so is a claim in review until an adjudicator
 * decides it, and every decision made in review; a claim the engine rejected (no cover yet, premium not
 * collected, plan not known yet) is decided again when it is sent again, the new decision recorded after the old.
 * The claim decides what is its own: whether a settlement sent again is the same stay, who may review it and what
 * a review records, and whether it may be revoked; its handler gathers the facts (cover, plans, benefit accounts).
 */
@Aggregate
public class ClaimAggregate {

    @AggregateIdentifier
    private ClaimId claimId;

    private ClaimStatus status;
    private boolean reviewed;
    private boolean revoked;
    private ClaimAdjudicatedEvent last;

    protected ClaimAggregate() {}

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

    /**
     * What the benefit accounts give a claim as assessed (and, when approved, charged) in this unit of work: the total,
     * each enrolment's benefit, and the claim-level rejection when nothing is paid.
     */
    public record Assessed(BigDecimal total, List<BenefitDecision> benefits, StoredRejection rejection) {}

    /** Refuses a hospital settlement sent again with another patient or another stay or bill than it first came with. */
    void checkResent(MemberId memberId, Claim claim, HospitalSettlement settlement) {
        if (settlement != null
                && (!last.memberId().equals(memberId)
                        || !HospitalSettlement.sameStay(last.claim().toClaim(), claim))) {
            throw new SettlementConflictException(settlement);
        }
    }

    void decideAgain(ClaimAdjudicatedEvent decision) {
        if (settled() && !inReview()) {
            throw new IllegalStateException("A settled claim is not decided again");
        }
        apply(decision);
    }

    /**
     * Whether this adjudicator may decide the claim now: it is in review, and they did not file it (four eyes). The
     * review to record; nothing is recorded yet.
     */
    ClaimAdjudicatedEvent.Review review(ReviewClaimCommand command) {
        if (!inReview()) {
            throw new ClaimNotInReviewException(command.claimId().value());
        }
        if (command.reviewer().equals(last.filedBy())) {
            throw new FourEyesException(command.claimId().value());
        }
        return new ClaimAdjudicatedEvent.Review(
                command.approve() ? "APPROVE" : "REJECT", command.reason(), command.reviewer(), command.decidedOn());
    }

    /**
     * Records an adjudicator's decision on the claim in review. Approve: what {@code approved} gives, the claim assessed
     * again against the accounts as they are now (flagged exclusions taken as not applying, see {@link #toApprove()})
     * and charged in this unit of work. Reject: nothing is paid, and sending the claim again changes nothing.
     */
    void recordReview(ReviewClaimCommand command, Assessed approved) {
        ClaimAdjudicatedEvent.Review review = review(command);
        ClaimAdjudicatedEvent proposed = last;
        if (command.approve()) {
            apply(ClaimAdjudicatedEvent.decided(
                    proposed.claimId(),
                    proposed.memberId(),
                    proposed.claim(),
                    proposed.hospital(),
                    proposed.submittedOn(),
                    approved,
                    review,
                    proposed.settlement(),
                    proposed.filedBy()));
        } else {
            apply(new ClaimAdjudicatedEvent(
                    proposed.claimId(),
                    proposed.memberId(),
                    proposed.claim(),
                    proposed.hospital(),
                    proposed.submittedOn(),
                    ClaimStatus.REJECTED,
                    Money.ZERO.yuan(),
                    proposed.benefits(),
                    StoredRejection.of(RejectionCode.REJECTED_IN_REVIEW, command.reason()),
                    proposed.reviewReasons(),
                    review,
                    proposed.settlement(),
                    proposed.filedBy()));
        }
    }

    /** The claim an adjudicator approves: as filed, with the exclusions that were only suspected taken as not applying. */
    Claim toApprove() {
        return withoutExclusions(last.claim().toClaim());
    }

    /**
     * The benefits a revocation takes back from their accounts: those that paid something. Empty when the claim is
     * revoked already (revoking again changes nothing); refused unless the claim is approved.
     */
    List<BenefitDecision> toTakeBack() {
        if (revoked) {
            return List.of();
        }
        if (!approved()) {
            throw new ClaimNotApprovedException(claimId.value());
        }
        return last.benefits().stream().filter(b -> b.amount().signum() > 0).toList();
    }

    /** Records the revocation of an approved claim: its total is to be recovered. Revoking again records nothing. */
    void revoke(RevokeClaimCommand command) {
        List<BenefitDecision> paid = toTakeBack();
        if (!revoked) {
            apply(new ClaimRevokedEvent(
                    claimId,
                    last.memberId(),
                    command.reason(),
                    command.note(),
                    command.revokedOn(),
                    last.total(),
                    paid));
        }
    }

    /** The claim with no exclusion asserted: suspected exclusions are proposed as not applying. */
    static Claim withoutExclusions(Claim claim) {
        return new Claim(
                claim.type(),
                claim.eventDate(),
                claim.dischargeDate(),
                claim.hospitalDays(),
                claim.hospitalGrade(),
                claim.diseaseCode(),
                claim.injuryGrade(),
                claim.cause(),
                Set.of(),
                claim.bill());
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
