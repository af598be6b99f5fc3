package cn.huzhu.claims.command.claim;

/** A review decision for a claim that is not waiting for one. */
public class ClaimNotInReviewException extends RuntimeException {

    public ClaimNotInReviewException(String claimId) {
        super("Claim " + claimId + " is not in review");
    }
}
