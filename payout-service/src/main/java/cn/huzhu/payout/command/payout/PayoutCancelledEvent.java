package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The claim was revoked before payment; an amount kept back from what the member owed is owed again. */
public record PayoutCancelledEvent(
        PayoutId payoutId,
        ClaimId claimId,
        MemberId memberId,
        String reason,
        int attempt,
        BigDecimal offsetReturned,
        LocalDate on) {}
