package cn.huzhu.enrollment.command;

import java.util.List;

/** Ids of the enrolment made and of the gifted enrolments it earned. */
public record EnrollmentResult(String enrollmentId, List<String> giftEnrollmentIds) {
}
