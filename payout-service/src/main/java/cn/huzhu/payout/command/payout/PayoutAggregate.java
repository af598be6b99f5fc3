package cn.huzhu.payout.command.payout;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.PayoutIds;
import cn.huzhu.vocabulary.BusinessZone;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One payout: one benefit of one approved claim, paid once. Its id is derived from the claim and the enrolment, so a
 * decision delivered again finds it scheduled. A transfer is recorded (with its reference) before it is sent, and only
 * a payout with no transfer at the bank may get a new one; the event store's sequence numbers make two concurrent
 * requests for one payout impossible, whatever the number of service instances.
 */
@Aggregate(cache = "payoutCache")
public class PayoutAggregate {

    @AggregateIdentifier
    private PayoutId payoutId;

    private ClaimId claimId;
    private MemberId memberId;
    private BigDecimal amount;
    private PayoutStatus status;
    private int attempt;
    private String reference;
    private BatchId batchId;
    private String district;
    private String accountMasked;
    private String accountHash;
    private BigDecimal transferAmount;
    private BigDecimal offset;
    private Instant nextAttemptAt;
    private String parkedAccountHash;
    private String pendingRevocation;
    private PayoutRevocationHeldEvent heldRevocation;

    protected PayoutAggregate() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(SchedulePayoutCommand c) {
        if (status != null) {
            return false;
        }
        schedule(c);
        if (heldRevocation != null) {
            apply(new PayoutCancelledEvent(
                    payoutId, claimId, memberId, heldRevocation.reason(), 0, BigDecimal.ZERO, heldRevocation.on()));
        }
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(ScheduleNewPayoutCommand c) {
        schedule(c.payout());
    }

    private void schedule(SchedulePayoutCommand c) {
        if (c.amount().signum() <= 0 || c.amount().scale() > 2) {
            throw new IllegalArgumentException("A payout is a positive amount in fen, not " + c.amount());
        }
        apply(new PayoutScheduledEvent(
                c.payoutId(),
                c.claimId(),
                c.memberId(),
                c.enrollmentId(),
                c.planId(),
                c.claimType(),
                c.amount(),
                c.decidedOn()));
    }

    @CommandHandler
    public TransferOrder handle(RequestTransferCommand c) {
        boolean due = status == PayoutStatus.SCHEDULED
                || status == PayoutStatus.RETRY_WAIT && !c.now().isBefore(nextAttemptAt)
                || status == PayoutStatus.PARKED && !c.account().hash().equals(parkedAccountHash);
        if (!due) {
            throw new PayoutNotDispatchableException(payoutId, status);
        }
        BigDecimal kept = offset != null ? offset : c.offset().min(amount);
        BigDecimal toTransfer = amount.subtract(kept);
        if (toTransfer.signum() == 0) {
            apply(new PayoutSettledByOffsetEvent(payoutId, claimId, memberId, kept));
            return null;
        }
        int next = attempt + 1;
        String ref = PayoutIds.reference(payoutId, next);
        BatchId batch = PayoutIds.batch(c.account().district(), c.day());
        apply(new TransferRequestedEvent(
                payoutId,
                claimId,
                memberId,
                ref,
                next,
                batch,
                c.account().district(),
                c.day(),
                toTransfer,
                kept,
                c.account().number(),
                c.account().masked(),
                c.account().hash(),
                c.account().holderName(),
                c.account().bankName(),
                c.now()));
        return new TransferOrder(payoutId, ref, next, batch, toTransfer);
    }

    /** Answers whether the outcome changed the payout (false for a confirmation heard before, or of another reference). */
    @CommandHandler
    public boolean handle(RecordTransferOutcomeCommand c) {
        if (status != PayoutStatus.SENDING || !c.reference().equals(reference)) {
            return false;
        }
        switch (c.outcome()) {
            case "SUCCEEDED" -> {
                apply(new TransferSucceededEvent(
                        payoutId,
                        claimId,
                        memberId,
                        reference,
                        batchId,
                        district,
                        transferAmount,
                        amount,
                        c.bankTransactionId(),
                        accountMasked,
                        LocalDate.ofInstant(c.now(), BusinessZone.ZONE)));
                if (pendingRevocation != null) {
                    apply(new PayoutRevokedEvent(
                            payoutId,
                            claimId,
                            memberId,
                            pendingRevocation,
                            amount,
                            LocalDate.ofInstant(c.now(), BusinessZone.ZONE)));
                }
            }
            case "REJECTED" -> {
                apply(new PayoutParkedEvent(
                        payoutId,
                        claimId,
                        memberId,
                        reference,
                        batchId,
                        district,
                        attempt,
                        c.reason() == null ? "ACCOUNT_INVALID" : c.reason(),
                        accountHash,
                        transferAmount,
                        accountMasked));
                cancelIfRevoked(c.now());
            }
            case "FAILED" -> {
                Instant retryAt = attempt >= c.maxAttempts() || pendingRevocation != null
                        ? null
                        : c.now().plus(c.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 16)));
                apply(new TransferFailedEvent(
                        payoutId,
                        claimId,
                        memberId,
                        reference,
                        batchId,
                        district,
                        attempt,
                        c.reason() == null ? "BANK_ERROR" : c.reason(),
                        retryAt,
                        transferAmount,
                        accountMasked));
                cancelIfRevoked(c.now());
            }
            default -> throw new IllegalArgumentException("Unknown transfer outcome " + c.outcome());
        }
        return true;
    }

    /**
     * Revokes the payout: cancelled before its transfer, recovered after it, pending while a transfer is at the bank. A
     * revocation of a payout not scheduled yet is held for the approval to come.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RevokePayoutCommand c) {
        if (status == null) {
            if (heldRevocation == null) {
                apply(new PayoutRevocationHeldEvent(c.payoutId(), c.reason(), c.on()));
            }
            return;
        }
        switch (status) {
            case SUCCEEDED, SETTLED_BY_OFFSET ->
                apply(new PayoutRevokedEvent(payoutId, claimId, memberId, c.reason(), amount, c.on()));
            case SCHEDULED, RETRY_WAIT, PARKED, FAILED ->
                apply(new PayoutCancelledEvent(
                        payoutId,
                        claimId,
                        memberId,
                        c.reason(),
                        attempt,
                        offset == null ? BigDecimal.ZERO : offset,
                        c.on()));
            case SENDING -> {
                if (pendingRevocation == null) {
                    apply(new PayoutRevocationPendingEvent(payoutId, claimId, memberId, c.reason()));
                }
            }
            default -> {
                // CANCELLED or REVOKED already: the revocation was heard before
            }
        }
    }

    private void cancelIfRevoked(Instant now) {
        if (pendingRevocation != null) {
            apply(new PayoutCancelledEvent(
                    payoutId,
                    claimId,
                    memberId,
                    pendingRevocation,
                    attempt,
                    offset == null ? BigDecimal.ZERO : offset,
                    LocalDate.ofInstant(now, BusinessZone.ZONE)));
        }
    }

    @EventSourcingHandler
    void on(PayoutScheduledEvent e) {
        payoutId = e.payoutId();
        claimId = e.claimId();
        memberId = e.memberId();
        amount = e.amount();
        status = PayoutStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(TransferRequestedEvent e) {
        status = PayoutStatus.SENDING;
        attempt = e.attempt();
        reference = e.reference();
        batchId = e.batchId();
        district = e.district();
        accountMasked = e.accountMasked();
        accountHash = e.accountHash();
        transferAmount = e.amount();
        offset = e.offset();
    }

    @EventSourcingHandler
    void on(TransferSucceededEvent e) {
        status = PayoutStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(TransferFailedEvent e) {
        status = e.last() ? PayoutStatus.FAILED : PayoutStatus.RETRY_WAIT;
        nextAttemptAt = e.nextAttemptAt();
    }

    @EventSourcingHandler
    void on(PayoutParkedEvent e) {
        status = PayoutStatus.PARKED;
        parkedAccountHash = e.accountHash();
    }

    @EventSourcingHandler
    void on(PayoutSettledByOffsetEvent e) {
        status = PayoutStatus.SETTLED_BY_OFFSET;
        offset = e.offset();
    }

    @EventSourcingHandler
    void on(PayoutRevocationHeldEvent e) {
        payoutId = e.payoutId();
        heldRevocation = e;
    }

    @EventSourcingHandler
    void on(PayoutRevocationPendingEvent e) {
        pendingRevocation = e.reason();
    }

    @EventSourcingHandler
    void on(PayoutCancelledEvent e) {
        status = PayoutStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PayoutRevokedEvent e) {
        status = PayoutStatus.REVOKED;
    }
}
