package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The claim was revoked after payment: the benefit is to be recovered from the member. */
public record PayoutRevokedEvent(
        PayoutId payoutId, ClaimId claimId, MemberId memberId, String reason, BigDecimal toRecover, LocalDate on) {}
