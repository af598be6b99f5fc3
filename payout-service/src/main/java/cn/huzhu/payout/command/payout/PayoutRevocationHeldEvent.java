package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;

/**
 * A revocation heard before the approval it revokes (the approval dead-lettered and replayed later, or delivered late):
 * held, so that the approval, when it comes, schedules a payout that is cancelled at once and never paid.
 */
public record PayoutRevocationHeldEvent(PayoutId payoutId, String reason, java.time.LocalDate on) {}
