package cn.huzhu.payout.command.recovery;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record RecoveryOpenedEvent(
        MemberId memberId,
        PayoutId payoutId,
        ClaimId claimId,
        BigDecimal amount,
        BigDecimal outstanding,
        LocalDate on) {}
