package cn.huzhu.enrollment.command;

/** An enrolment the plan's rules do not allow. Nothing is recorded. */
public class EnrollmentRefusedException extends RuntimeException {

    private final String code;
    private final String field;

    public EnrollmentRefusedException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** Stable reason code, e.g. TOO_MANY_SHARES. */
    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
