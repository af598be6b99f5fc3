package cn.huzhu.claims.engine;

/** Why nothing is paid: a stable code (one of {@link RejectionCode}, kept as its name) and a sentence. */
public record Rejection(String code, String message) {

    public static Rejection of(RejectionCode code, String message) {
        return new Rejection(code.name(), message);
    }

    /** Whether this is a rejection for that reason. */
    public boolean is(RejectionCode reason) {
        return reason.name().equals(code);
    }
}
