package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Schedules the payout of one benefit; answers false when it was scheduled before (a redelivered decision). */
public record SchedulePayoutCommand(
        @TargetAggregateIdentifier PayoutId payoutId,
        ClaimId claimId,
        MemberId memberId,
        EnrollmentId enrollmentId,
        PlanId planId,
        String claimType,
        BigDecimal amount,
        LocalDate decidedOn) {}
