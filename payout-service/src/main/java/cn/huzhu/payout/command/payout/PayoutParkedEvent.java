package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;

/** The bank refused the account; the payout waits for an account other than {@code accountHash}. */
public record PayoutParkedEvent(
        String payoutId,
        String claimId,
        String memberId,
        String reference,
        String batchId,
        String district,
        int attempt,
        String reason,
        String accountHash,
        BigDecimal amount,
        String accountMasked) {}
