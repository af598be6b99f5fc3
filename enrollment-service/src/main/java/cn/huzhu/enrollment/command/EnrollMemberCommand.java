package cn.huzhu.enrollment.command;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnrollMemberCommand(@TargetAggregateIdentifier String memberId, String enrollmentId, String planId, int shares,
                                  Integer termYears, LocalDate effectiveDate, LocalDate today) {
    public EnrollMemberCommand {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(today, "today");
        if (planId == null || planId.isBlank()) {
            throw new IllegalArgumentException("planId is required");
        }
    }
}
