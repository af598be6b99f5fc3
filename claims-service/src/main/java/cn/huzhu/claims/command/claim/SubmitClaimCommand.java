package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.command.Actor;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Adjudicate a member's claim under every enrolment that covers the event date. {@code settlement} names the hospital
 * settlement the claim comes from, null for a claim made to the union; {@code filedBy} who filed it (a member's or
 * clerk's bill waits for an adjudicator's confirmation; an adjudicator's or a hospital desk's is decided at once).
 */
public record SubmitClaimCommand(
        ClaimId claimId,
        MemberId memberId,
        Claim claim,
        String hospital,
        LocalDate submittedOn,
        HospitalSettlement settlement,
        Actor filedBy) {
    public SubmitClaimCommand {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(submittedOn, "submittedOn");
        if (claim.eventDate().isAfter(submittedOn)) {
            throw new IllegalArgumentException("eventDate lies in the future");
        }
    }
}
