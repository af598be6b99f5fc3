package cn.huzhu.payout.command.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the recovery of a revoked payout, once per payout. */
public record OpenRecoveryCommand(
        @TargetAggregateIdentifier String recoveryId,
        String memberId,
        String payoutId,
        String claimId,
        BigDecimal amount,
        LocalDate on) {}
