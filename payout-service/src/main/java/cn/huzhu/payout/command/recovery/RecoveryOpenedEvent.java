package cn.huzhu.payout.command.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;

public record RecoveryOpenedEvent(
        String memberId, String payoutId, String claimId, BigDecimal amount, BigDecimal outstanding, LocalDate on) {}
