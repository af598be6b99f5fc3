package cn.huzhu.enrollment.command;

/** A request the rules do not allow, with a stable reason code and the request field at fault. Nothing is recorded. */
public abstract class RefusedException extends RuntimeException {

    private final String code;
    private final String field;

    protected RefusedException(String code, String field, String message) {
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
