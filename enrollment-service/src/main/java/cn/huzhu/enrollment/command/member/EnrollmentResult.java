package cn.huzhu.enrollment.command.member;

import java.util.List;

/** Ids of the enrolment made and of the gifted enrolments it earned; its premium and the payer's part of it (to collect). */
public record EnrollmentResult(
        String enrollmentId,
        List<String> giftEnrollmentIds,
        java.math.BigDecimal premium,
        java.math.BigDecimal payerAmount) {}
