package cn.huzhu.payout.command.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;

public record RepaymentRecordedEvent(
        String memberId, String reference, BigDecimal amount, BigDecimal outstanding, LocalDate paidOn) {}
