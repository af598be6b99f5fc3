package cn.huzhu.payout.command.payout;

/** The claim was revoked while a transfer was at the bank: its outcome decides between cancelling and recovering. */
public record PayoutRevocationPendingEvent(String payoutId, String claimId, String memberId, String reason) {}
