package cn.huzhu.payout.command.payout;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The bank's outcome for a reference: SUCCEEDED, FAILED or REJECTED. A second report of one outcome changes nothing. */
public record RecordTransferOutcomeCommand(
        @TargetAggregateIdentifier String payoutId,
        String reference,
        String outcome,
        String reason,
        String bankTransactionId,
        Instant now,
        int maxAttempts,
        Duration firstRetry) {}
