package cn.huzhu.enrollment.command;

/** An enrolment the plan's rules do not allow. Nothing is recorded. */
public class EnrollmentRefusedException extends RefusedException {

    public EnrollmentRefusedException(EnrollmentRefusal reason, String field, String message) {
        super(reason.name(), field, message);
    }
}
