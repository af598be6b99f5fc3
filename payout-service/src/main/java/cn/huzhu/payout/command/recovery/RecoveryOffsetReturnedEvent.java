package cn.huzhu.payout.command.recovery;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record RecoveryOffsetReturnedEvent(
        MemberId memberId, PayoutId payoutId, BigDecimal amount, BigDecimal outstanding, LocalDate on) {}
