package cn.huzhu.payout.command.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Keeps back what the member owes from a payout of {@code available}; answers the amount kept (the same when asked again). */
public record OffsetRecoveryCommand(
        @TargetAggregateIdentifier String recoveryId,
        String memberId,
        String payoutId,
        BigDecimal available,
        LocalDate on) {}
