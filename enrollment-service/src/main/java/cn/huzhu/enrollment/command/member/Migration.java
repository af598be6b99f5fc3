package cn.huzhu.enrollment.command.member;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A historical enrolment brought over from a legacy system by the scheme administrator: the day its premium was paid there
 * and the payment's reference. Only a migration may start cover on a day already past; it is in force (collected) at once.
 */
public record Migration(LocalDate paidOn, String reference) {
    public Migration {
        Objects.requireNonNull(paidOn, "paidOn");
        if (reference == null || reference.isBlank() || reference.strip().length() > 100) {
            throw new IllegalArgumentException("paymentReference is required (at most 100 characters)");
        }
        reference = reference.strip();
    }
}
