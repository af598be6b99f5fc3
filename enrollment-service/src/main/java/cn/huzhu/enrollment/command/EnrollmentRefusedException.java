package cn.huzhu.enrollment.command;

/** An enrolment the plan's rules do not allow. Nothing is recorded. */
public class EnrollmentRefusedException extends RefusedException {

    public EnrollmentRefusedException(String code, String field, String message) {
        super(code, field, message);
    }
}
