package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.Instant;

/** A transfer failed at the bank; {@code nextAttemptAt} is null when no attempt is left. */
public record TransferFailedEvent(
        PayoutId payoutId,
        ClaimId claimId,
        MemberId memberId,
        String reference,
        BatchId batchId,
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
