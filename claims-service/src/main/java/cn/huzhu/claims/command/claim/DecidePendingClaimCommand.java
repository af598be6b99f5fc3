package cn.huzhu.claims.command.claim;

import cn.huzhu.vocabulary.ClaimId;
import java.time.Instant;
import java.util.Objects;

/**
 * Decide a claim that waits for the member's cover: by the cover known now, and, when there is still none and
 * {@code now} is past the claim's wait, rejected NO_COVERAGE. A claim no longer waiting is left as it is.
 */
public record DecidePendingClaimCommand(ClaimId claimId, Instant now) {
    public DecidePendingClaimCommand {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(now, "now");
    }
}
