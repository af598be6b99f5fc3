package cn.huzhu.enrollment.command;

/** A target that cannot be set (e.g. for a plan that does not exist). Nothing is recorded. */
public class TargetRefusedException extends RuntimeException {

    private final String code;
    private final String field;

    public TargetRefusedException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
