package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;

/** The whole benefit went to what the member owed: nothing is transferred. */
public record PayoutSettledByOffsetEvent(PayoutId payoutId, ClaimId claimId, MemberId memberId, BigDecimal offset) {}
