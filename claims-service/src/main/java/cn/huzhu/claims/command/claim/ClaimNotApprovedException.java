package cn.huzhu.claims.command.claim;

/** Only an approved claim can be revoked. */
public class ClaimNotApprovedException extends RuntimeException {

    public ClaimNotApprovedException(String claimId) {
        super("Claim " + claimId + " is not approved, so there is nothing to revoke");
    }
}
