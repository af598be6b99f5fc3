package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import java.time.LocalDate;

/** A bank deduction for a pending enrolment failed; the enrolment stays pending. */
public record PremiumCollectionFailedEvent(
        String enrollmentId,
        String memberId,
        String district,
        String planId,
        CollectionMethod method,
        String reference,
        String reason,
        LocalDate failedOn,
        Actor recordedBy) {}
