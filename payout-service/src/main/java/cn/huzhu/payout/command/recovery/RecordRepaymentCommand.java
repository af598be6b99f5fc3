package cn.huzhu.payout.command.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A repayment by the member, once per reference; answers the debt left. */
public record RecordRepaymentCommand(
        @TargetAggregateIdentifier String recoveryId,
        String memberId,
        String reference,
        BigDecimal amount,
        LocalDate paidOn) {}
