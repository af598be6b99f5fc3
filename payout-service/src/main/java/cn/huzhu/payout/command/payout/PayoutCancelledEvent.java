package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The claim was revoked before payment; an amount kept back from what the member owed is owed again. */
public record PayoutCancelledEvent(
        String payoutId,
        String claimId,
        String memberId,
        String reason,
        int attempt,
        BigDecimal offsetReturned,
        LocalDate on) {}
