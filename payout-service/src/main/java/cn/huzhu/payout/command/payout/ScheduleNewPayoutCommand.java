package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Schedules a payout its sender found unscheduled: created without looking for earlier events first, so it is
 * refused at commit (the event store's unique sequence) if it exists after all; the sender then falls back to
 * {@link SchedulePayoutCommand}.
 */
public record ScheduleNewPayoutCommand(
        @TargetAggregateIdentifier PayoutId payoutId, SchedulePayoutCommand payout) {}
