package cn.huzhu.claims.command;

import cn.huzhu.claims.engine.Claim;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Adjudicate a member's claim under every enrolment that covers the event date. {@code settlement} names the hospital
 * settlement the claim comes from, null for a claim made to the union.
 */
public record SubmitClaimCommand(String claimId, String memberId, Claim claim, String hospital, LocalDate submittedOn,
                                 HospitalSettlement settlement) {
    public SubmitClaimCommand {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(submittedOn, "submittedOn");
        if (claim.eventDate().isAfter(submittedOn)) {
            throw new IllegalArgumentException("eventDate lies in the future");
        }
    }
}
