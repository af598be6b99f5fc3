package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record PayoutScheduledEvent(
        PayoutId payoutId,
        ClaimId claimId,
        MemberId memberId,
        EnrollmentId enrollmentId,
        PlanId planId,
        String claimType,
        BigDecimal amount,
        LocalDate decidedOn) {}
