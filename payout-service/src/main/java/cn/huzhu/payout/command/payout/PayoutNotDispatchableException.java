package cn.huzhu.payout.command.payout;

/** A transfer was asked for a payout that is not due (already sent, paid, cancelled, or waiting for its retry time). */
public class PayoutNotDispatchableException extends RuntimeException {

    public PayoutNotDispatchableException(String payoutId, PayoutStatus status) {
        super("Payout " + payoutId + " is " + status + " and not due for a transfer");
    }
}
