package cn.huzhu.payout.command.payout;

/** Where a payout stands. */
public enum PayoutStatus {
    /** Waiting to be sent (or, without a bank account, waiting for one). */
    SCHEDULED,
    /** A transfer is at the bank and its outcome not known yet. */
    SENDING,
    /** A transfer failed; another is sent when {@code nextAttemptAt} comes. */
    RETRY_WAIT,
    /** The bank rejected the account: waits until the member registers another. */
    PARKED,
    /** The bank confirmed the transfer. */
    SUCCEEDED,
    /** Every attempt failed. */
    FAILED,
    /** Paid entirely by keeping back what the member owed from an earlier revoked claim: nothing to transfer. */
    SETTLED_BY_OFFSET,
    /** The claim was revoked before the payout was made. */
    CANCELLED,
    /** The claim was revoked after the payout was made: the amount is being recovered. */
    REVOKED
}
