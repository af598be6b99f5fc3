package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;

/** The bank refused the account; the payout waits for an account other than {@code accountHash}. */
public record PayoutParkedEvent(
        PayoutId payoutId,
        ClaimId claimId,
        MemberId memberId,
        String reference,
        BatchId batchId,
        String district,
        int attempt,
        String reason,
        String accountHash,
        BigDecimal amount,
        String accountMasked) {}
