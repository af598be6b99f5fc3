package cn.huzhu.claims.command.stay;

/** The member's stay (or event) is claimed already, under another claim: that one stands, this one is refused. */
public class DuplicateStayException extends RuntimeException {

    private final String firstClaimId;

    public DuplicateStayException(String firstClaimId) {
        super("The same stay is claimed already under claim " + firstClaimId);
        this.firstClaimId = firstClaimId;
    }

    public String firstClaimId() {
        return firstClaimId;
    }
}
