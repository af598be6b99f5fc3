package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Schedules the payout of one benefit; answers false when it was scheduled before (a redelivered decision). */
public record SchedulePayoutCommand(
        @TargetAggregateIdentifier String payoutId,
        String claimId,
        String memberId,
        String enrollmentId,
        String planId,
        String claimType,
        BigDecimal amount,
        LocalDate decidedOn) {}
