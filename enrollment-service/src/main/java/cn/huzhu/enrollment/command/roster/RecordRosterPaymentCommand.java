package cn.huzhu.enrollment.command.roster;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.RosterId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The unit transferred the premiums of a roster's enrolments (凭缴款单或转帐凭证), as finance saw it arrive: amount, the bank's
 * reference, the day (never after {@code today}), and who recorded it.
 */
public record RecordRosterPaymentCommand(
        @TargetAggregateIdentifier RosterId rosterId,
        BigDecimal amount,
        String reference,
        LocalDate paidOn,
        LocalDate today,
        Actor recordedBy) {
    public RecordRosterPaymentCommand {
        Objects.requireNonNull(rosterId, "rosterId");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(recordedBy, "recordedBy");
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("amount is a positive sum in yuan with at most two decimals");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("reference is required");
        }
    }
}
