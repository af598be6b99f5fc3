package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;

/** The whole benefit went to what the member owed: nothing is transferred. */
public record PayoutSettledByOffsetEvent(String payoutId, String claimId, String memberId, BigDecimal offset) {}
