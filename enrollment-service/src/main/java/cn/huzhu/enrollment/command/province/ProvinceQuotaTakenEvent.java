package cn.huzhu.enrollment.command.province;

import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;

/** One place of a city's quota taken by an enrolment, with the province's amount it carries. */
public record ProvinceQuotaTakenEvent(
        String quotaId,
        PlanId planId,
        int year,
        String district,
        ProvinceGroup group,
        EnrollmentId enrollmentId,
        MemberId memberId,
        BigDecimal amount) {}
