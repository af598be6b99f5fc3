package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;

/** A transfer was asked for a payout that is not due (already sent, paid, cancelled, or waiting for its retry time). */
public class PayoutNotDispatchableException extends RuntimeException {

    public PayoutNotDispatchableException(PayoutId payoutId, PayoutStatus status) {
        super("Payout " + payoutId + " is " + status + " and not due for a transfer");
    }
}
