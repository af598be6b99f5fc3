package cn.huzhu.claims.command.claim;

import cn.huzhu.vocabulary.ClaimId;
import java.time.LocalDate;
import java.util.Objects;

/** Revoke an approved claim found afterwards to be excluded (e.g. FRAUD): the paid amount is to be recovered. */
public record RevokeClaimCommand(ClaimId claimId, String reason, String note, LocalDate revokedOn) {
    public RevokeClaimCommand {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(revokedOn, "revokedOn");
        if (reason == null || !reason.matches("[A-Z0-9_]{1,50}")) {
            throw new IllegalArgumentException("reason is a code such as FRAUD or DRUNK_DRIVING");
        }
    }
}
