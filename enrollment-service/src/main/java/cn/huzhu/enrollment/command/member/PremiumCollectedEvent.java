package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pending enrolment's premium was collected; it is in force from {@code coverageStart}. {@code recordedBy}: who recorded
 * the payment (null in events recorded before it was kept).
 */
public record PremiumCollectedEvent(
        EnrollmentId enrollmentId,
        MemberId memberId,
        UnitId unitId,
        String district,
        PlanId planId,
        CollectionMethod method,
        String reference,
        BigDecimal amount,
        LocalDate collectedOn,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        LocalDate waitingPeriodEnd,
        Actor recordedBy) {}
