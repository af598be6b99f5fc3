package cn.huzhu.payout.command;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a payout. */
public final class PayoutCommands {

    private PayoutCommands() {
    }

    /** Schedules the payout of one benefit; answers false when it was scheduled before (a redelivered decision). */
    public record SchedulePayout(@TargetAggregateIdentifier String payoutId, String claimId, String memberId, String enrollmentId,
                                 String planId, String claimType, BigDecimal amount, LocalDate decidedOn) {
    }

    /**
     * Schedules a payout its sender found unscheduled: created without looking for earlier events first, so it is
     * refused at commit (the event store's unique sequence) if it exists after all; the sender then falls back to
     * {@link SchedulePayout}.
     */
    public record ScheduleNewPayout(@TargetAggregateIdentifier String payoutId, SchedulePayout payout) {
    }

    /**
     * Records a transfer about to be sent, to the account given, in the batch of its district and day; {@code offset} is
     * kept back for what the member owes (first transfer only). Answers the order to send, or null when nothing is to be
     * transferred (settled by the offset). Refused with {@link PayoutNotDispatchableException} unless the payout is due.
     */
    public record RequestTransfer(@TargetAggregateIdentifier String payoutId, Account account, LocalDate day, BigDecimal offset,
                                  Instant now) {
    }

    /** The account a transfer goes to, as the member registered it; {@code hash} tells accounts apart without the number. */
    public record Account(String number, String masked, String hash, String holderName, String bankName, String district) {
        @Override
        public String toString() {
            return "Account[" + masked + "]";
        }
    }

    /** The bank's outcome for a reference: SUCCEEDED, FAILED or REJECTED. A second report of one outcome changes nothing. */
    public record RecordTransferOutcome(@TargetAggregateIdentifier String payoutId, String reference, String outcome, String reason,
                                        String bankTransactionId, Instant now, int maxAttempts, Duration firstRetry) {
    }

    public record RevokePayout(@TargetAggregateIdentifier String payoutId, String reason, LocalDate on) {
    }

    /** A transfer to send: its reference, the batch it belongs to and the amount. */
    public record TransferOrder(String payoutId, String reference, int attempt, String batchId, BigDecimal amount) {
    }
}
