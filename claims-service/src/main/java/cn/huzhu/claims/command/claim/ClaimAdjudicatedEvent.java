package cn.huzhu.claims.command.claim;

import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A claim and its decision: the total and, per enrolment that covered the event, the benefit and its calculation.
 * IN_REVIEW carries the amounts proposed and why it needs an adjudicator ({@code reviewReasons}); a decision made in
 * review names the adjudicator and the reason ({@code review}). {@code settlement}: the hospital settlement the claim
 * was made from (null for claims made to the union; absent from events recorded before settlements existed).
 * {@code filedBy}: who filed the claim (the token's subject, or a district's hospital desk; absent from events recorded
 * before it was kept), who may not review it.
 */
public record ClaimAdjudicatedEvent(
        ClaimId claimId,
        MemberId memberId,
        StoredClaim claim,
        String hospital,
        LocalDate submittedOn,
        ClaimStatus status,
        BigDecimal total,
        List<BenefitDecision> benefits,
        StoredRejection rejection,
        List<String> reviewReasons,
        Review review,
        HospitalSettlement settlement,
        String filedBy,
        Instant pendingUntil) {

    public ClaimAdjudicatedEvent(
            ClaimId claimId,
            MemberId memberId,
            StoredClaim claim,
            String hospital,
            LocalDate submittedOn,
            ClaimStatus status,
            BigDecimal total,
            List<BenefitDecision> benefits,
            StoredRejection rejection,
            List<String> reviewReasons,
            Review review,
            HospitalSettlement settlement,
            String filedBy) {
        this(
                claimId,
                memberId,
                claim,
                hospital,
                submittedOn,
                status,
                total,
                benefits,
                rejection,
                reviewReasons,
                review,
                settlement,
                filedBy,
                null);
    }

    /** An adjudicator's decision on a claim in review. */
    public record Review(String decision, String reason, String reviewer, LocalDate decidedOn) {}

    /** A decision that pays: APPROVED when the assessment pays something, else REJECTED with its rejection. */
    static ClaimAdjudicatedEvent decided(
            ClaimId claimId,
            MemberId memberId,
            StoredClaim claim,
            String hospital,
            LocalDate on,
            ClaimAggregate.Assessed outcome,
            Review review,
            HospitalSettlement settlement,
            String filedBy) {
        ClaimStatus status = outcome.total().signum() > 0 ? ClaimStatus.APPROVED : ClaimStatus.REJECTED;
        return new ClaimAdjudicatedEvent(
                claimId,
                memberId,
                claim,
                hospital,
                on,
                status,
                outcome.total(),
                outcome.benefits(),
                status == ClaimStatus.APPROVED ? null : outcome.rejection(),
                List.of(),
                review,
                settlement,
                filedBy);
    }

    /** The day of the decision: the adjudicator's for a claim decided in review, otherwise the day it was submitted. */
    public LocalDate decidedOn() {
        return review != null ? review.decidedOn() : submittedOn;
    }

    public List<String> reviewReasons() {
        return reviewReasons == null ? List.of() : reviewReasons;
    }
}
