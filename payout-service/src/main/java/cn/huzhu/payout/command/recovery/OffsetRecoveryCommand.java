package cn.huzhu.payout.command.recovery;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.RecoveryId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Keeps back what the member owes from a payout of {@code available}; answers the amount kept (the same when asked again). */
public record OffsetRecoveryCommand(
        @TargetAggregateIdentifier RecoveryId recoveryId,
        MemberId memberId,
        PayoutId payoutId,
        BigDecimal available,
        LocalDate on) {}
