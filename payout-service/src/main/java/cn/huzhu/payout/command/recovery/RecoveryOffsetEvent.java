package cn.huzhu.payout.command.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;

public record RecoveryOffsetEvent(
        String memberId, String payoutId, BigDecimal amount, BigDecimal outstanding, LocalDate on) {}
