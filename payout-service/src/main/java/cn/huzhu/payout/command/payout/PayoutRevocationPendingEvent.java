package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;

/** The claim was revoked while a transfer was at the bank: its outcome decides between cancelling and recovering. */
public record PayoutRevocationPendingEvent(PayoutId payoutId, ClaimId claimId, MemberId memberId, String reason) {}
