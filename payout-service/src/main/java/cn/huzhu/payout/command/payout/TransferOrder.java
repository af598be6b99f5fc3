package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import java.math.BigDecimal;

/** A transfer to send: its reference, the batch it belongs to and the amount. */
public record TransferOrder(PayoutId payoutId, String reference, int attempt, BatchId batchId, BigDecimal amount) {}
