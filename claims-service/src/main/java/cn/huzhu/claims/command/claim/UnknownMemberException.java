package cn.huzhu.claims.command.claim;

/** A claim for a member the platform does not know: nothing is recorded. */
public class UnknownMemberException extends RuntimeException {

    public UnknownMemberException(String memberId) {
        super("There is no member " + memberId);
    }
}
