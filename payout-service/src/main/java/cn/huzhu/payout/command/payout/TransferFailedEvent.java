package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;
import java.time.Instant;

/** A transfer failed at the bank; {@code nextAttemptAt} is null when no attempt is left. */
public record TransferFailedEvent(
        String payoutId,
        String claimId,
        String memberId,
        String reference,
        String batchId,
        String district,
        int attempt,
        String reason,
        Instant nextAttemptAt,
        BigDecimal amount,
        String accountMasked) {
    public boolean last() {
        return nextAttemptAt == null;
    }
}
