package cn.huzhu.enrollment.command.province;

import java.math.BigDecimal;

/** One place of a city's quota taken by an enrolment, with the province's amount it carries. */
public record ProvinceQuotaTakenEvent(
        String quotaId,
        String planId,
        int year,
        String district,
        ProvinceGroup group,
        String enrollmentId,
        String memberId,
        BigDecimal amount) {}
