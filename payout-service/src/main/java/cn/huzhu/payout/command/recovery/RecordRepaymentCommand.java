package cn.huzhu.payout.command.recovery;

import cn.huzhu.payout.command.RecoveryId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A repayment by the member, once per reference; answers the debt left. */
public record RecordRepaymentCommand(
        @TargetAggregateIdentifier RecoveryId recoveryId,
        MemberId memberId,
        String reference,
        BigDecimal amount,
        LocalDate paidOn) {}
