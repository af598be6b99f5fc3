package cn.huzhu.payout.command.recovery;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.RecoveryId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the recovery of a revoked payout, once per payout. */
public record OpenRecoveryCommand(
        @TargetAggregateIdentifier RecoveryId recoveryId,
        MemberId memberId,
        PayoutId payoutId,
        ClaimId claimId,
        BigDecimal amount,
        LocalDate on) {}
