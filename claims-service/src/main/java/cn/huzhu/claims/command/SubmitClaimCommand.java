package cn.huzhu.claims.command;

import cn.huzhu.claims.engine.Claim;
import java.time.LocalDate;
import java.util.Objects;

/** Adjudicate a member's claim under every enrolment that covers the event date. */
public record SubmitClaimCommand(String claimId, String memberId, Claim claim, String hospital, LocalDate submittedOn) {
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
