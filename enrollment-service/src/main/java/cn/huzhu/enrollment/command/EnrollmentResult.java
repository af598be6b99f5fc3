package cn.huzhu.enrollment.command;

import java.util.List;

/** Ids of the enrolment made and of the gifted enrolments it earned, and the premium of the enrolment. */
public record EnrollmentResult(String enrollmentId, List<String> giftEnrollmentIds, java.math.BigDecimal premium) {
}
