package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;
import java.time.LocalDate;

public record PayoutScheduledEvent(
        String payoutId,
        String claimId,
        String memberId,
        String enrollmentId,
        String planId,
        String claimType,
        BigDecimal amount,
        LocalDate decidedOn) {}
