package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The result of collecting a pending enrolment's premium, recorded by finance: {@code succeeded} with the bank's
 * reference, or a failed bank deduction with the bank's reason (the enrolment stays pending). The same result reported
 * again changes nothing. {@code on} is the day of the payment, never after {@code today}.
 */
public record RecordPremiumCollectionCommand(
        @TargetAggregateIdentifier MemberId memberId,
        EnrollmentId enrollmentId,
        boolean succeeded,
        CollectionMethod method,
        String reference,
        String reason,
        LocalDate on,
        LocalDate today,
        Actor recordedBy) {
    public RecordPremiumCollectionCommand {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(recordedBy, "recordedBy");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("reference is required");
        }
        if (!succeeded && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason is required for a failed collection");
        }
    }
}
