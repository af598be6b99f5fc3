package cn.huzhu.payout.command.recovery;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives back what was kept from a payout that was then cancelled. */
public record ReturnOffsetCommand(
        @TargetAggregateIdentifier String recoveryId, String memberId, String payoutId, LocalDate on) {}
