package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Rejection;
import cn.huzhu.claims.engine.RejectionCode;

/** Why nothing is paid, as the claim's events store it: the code's name and the sentence. */
public record StoredRejection(String code, String message) {

    public static StoredRejection of(Rejection rejection) {
        return rejection == null ? null : new StoredRejection(rejection.code(), rejection.message());
    }

    public static StoredRejection of(RejectionCode code, String message) {
        return of(Rejection.of(code, message));
    }

    /** Whether this is a rejection for that reason. */
    public boolean is(RejectionCode reason) {
        return reason.name().equals(code);
    }
}
