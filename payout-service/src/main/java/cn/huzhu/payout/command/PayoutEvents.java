package cn.huzhu.payout.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What happens to a payout, as stored in the event store (JSON). Every event names the payout, its claim and member. */
public final class PayoutEvents {

    private PayoutEvents() {
    }

    public record PayoutScheduled(String payoutId, String claimId, String memberId, String enrollmentId, String planId,
                                  String claimType, BigDecimal amount, LocalDate decidedOn) {
    }

    /**
     * Written before the transfer leaves for the bank: after a crash the reference is known, its status is asked for
     * before anything is sent again, and a transfer the bank never received is sent again exactly as it was (hence the
     * full account, which stays in this service's database and is never published or logged).
     */
    public record TransferRequested(String payoutId, String claimId, String memberId, String reference, int attempt,
                                    String batchId, String district, LocalDate day, BigDecimal amount, BigDecimal offset,
                                    String accountNumber, String accountMasked, String accountHash, String holderName,
                                    String bankName, Instant requestedAt) {
        @Override
        public String toString() {
            return "TransferRequested[" + reference + ", payout " + payoutId + ", " + amount + " to " + accountMasked + "]";
        }
    }

    public record TransferSucceeded(String payoutId, String claimId, String memberId, String reference, String batchId,
                                    String district, BigDecimal amount, BigDecimal benefit, String bankTransactionId,
                                    String accountMasked, LocalDate confirmedOn) {
    }

    /** A transfer failed at the bank; {@code nextAttemptAt} is null when no attempt is left. */
    public record TransferFailed(String payoutId, String claimId, String memberId, String reference, String batchId,
                                 String district, int attempt, String reason, Instant nextAttemptAt, BigDecimal amount,
                                 String accountMasked) {
        public boolean last() {
            return nextAttemptAt == null;
        }
    }

    /** The bank refused the account; the payout waits for an account other than {@code accountHash}. */
    public record PayoutParked(String payoutId, String claimId, String memberId, String reference, String batchId,
                               String district, int attempt, String reason, String accountHash, BigDecimal amount,
                               String accountMasked) {
    }

    /** The whole benefit went to what the member owed: nothing is transferred. */
    public record PayoutSettledByOffset(String payoutId, String claimId, String memberId, BigDecimal offset) {
    }

    /**
     * A revocation heard before the approval it revokes (the approval dead-lettered and replayed later, or delivered late):
     * held, so that the approval, when it comes, schedules a payout that is cancelled at once and never paid.
     */
    public record PayoutRevocationHeld(String payoutId, String reason, java.time.LocalDate on) {
    }

    /** The claim was revoked while a transfer was at the bank: its outcome decides between cancelling and recovering. */
    public record PayoutRevocationPending(String payoutId, String claimId, String memberId, String reason) {
    }

    /** The claim was revoked before payment; an amount kept back from what the member owed is owed again. */
    public record PayoutCancelled(String payoutId, String claimId, String memberId, String reason, int attempt,
                                  BigDecimal offsetReturned, LocalDate on) {
    }

    /** The claim was revoked after payment: the benefit is to be recovered from the member. */
    public record PayoutRevoked(String payoutId, String claimId, String memberId, String reason, BigDecimal toRecover,
                                LocalDate on) {
    }
}
