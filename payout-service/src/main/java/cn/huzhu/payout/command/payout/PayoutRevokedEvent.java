package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The claim was revoked after payment: the benefit is to be recovered from the member. */
public record PayoutRevokedEvent(
        String payoutId, String claimId, String memberId, String reason, BigDecimal toRecover, LocalDate on) {}
