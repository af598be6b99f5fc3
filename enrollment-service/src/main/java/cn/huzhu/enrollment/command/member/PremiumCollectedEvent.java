package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pending enrolment's premium was collected; it is in force from {@code coverageStart}. {@code recordedBy}: who recorded
 * the payment (null in events recorded before it was kept).
 */
public record PremiumCollectedEvent(
        String enrollmentId,
        String memberId,
        String unitId,
        String district,
        String planId,
        CollectionMethod method,
        String reference,
        BigDecimal amount,
        LocalDate collectedOn,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        LocalDate waitingPeriodEnd,
        Actor recordedBy) {}
