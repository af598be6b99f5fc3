package cn.huzhu.payout.command.recovery;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.RecoveryId;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives back what was kept from a payout that was then cancelled. */
public record ReturnOffsetCommand(
        @TargetAggregateIdentifier RecoveryId recoveryId, MemberId memberId, PayoutId payoutId, LocalDate on) {}
