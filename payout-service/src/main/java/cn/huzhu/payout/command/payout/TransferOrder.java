package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;

/** A transfer to send: its reference, the batch it belongs to and the amount. */
public record TransferOrder(String payoutId, String reference, int attempt, String batchId, BigDecimal amount) {}
