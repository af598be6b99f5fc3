package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.time.LocalDate;

/** A bank deduction for a pending enrolment failed; the enrolment stays pending. */
public record PremiumCollectionFailedEvent(
        EnrollmentId enrollmentId,
        MemberId memberId,
        String district,
        PlanId planId,
        CollectionMethod method,
        String reference,
        String reason,
        LocalDate failedOn,
        Actor recordedBy) {}
