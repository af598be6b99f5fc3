package cn.huzhu.payout.command.recovery;

import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record RepaymentRecordedEvent(
        MemberId memberId, String reference, BigDecimal amount, BigDecimal outstanding, LocalDate paidOn) {}
