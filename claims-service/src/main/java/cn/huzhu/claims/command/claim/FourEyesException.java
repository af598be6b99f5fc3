package cn.huzhu.claims.command.claim;

/** Whoever filed a claim does not decide it in review: a second adjudicator does. */
public class FourEyesException extends RuntimeException {

    public FourEyesException(String claimId) {
        super("Claim " + claimId + " was filed by this adjudicator; another adjudicator reviews it");
    }
}
