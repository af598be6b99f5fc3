package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bank's outcome for a reference: SUCCEEDED, FAILED or REJECTED. A second report of one outcome changes nothing. */
public record RecordTransferOutcomeCommand(
        @TargetAggregateIdentifier PayoutId payoutId,
        String reference,
        String outcome,
        String reason,
        String bankTransactionId,
        Instant now,
        int maxAttempts,
        Duration firstRetry) {}
