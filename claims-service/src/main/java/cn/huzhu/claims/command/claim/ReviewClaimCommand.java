package cn.huzhu.claims.command.claim;

import cn.huzhu.vocabulary.ClaimId;
import java.time.LocalDate;
import java.util.Objects;

/** An adjudicator's decision on a claim in review: APPROVE pays what the rules give now, REJECT pays nothing, for good. */
public record ReviewClaimCommand(
        ClaimId claimId, boolean approve, String reason, String reviewer, LocalDate decidedOn) {
    public ReviewClaimCommand {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(decidedOn, "decidedOn");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("reviewer is required");
        }
    }
}
