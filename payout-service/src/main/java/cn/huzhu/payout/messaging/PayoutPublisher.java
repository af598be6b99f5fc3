package cn.huzhu.payout.messaging;

import cn.huzhu.axon.KafkaOutbox;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.payouts.PayoutBatchReconciled;
import cn.huzhu.contracts.payouts.PayoutFailed;
import cn.huzhu.contracts.payouts.PayoutRecovery;
import cn.huzhu.contracts.payouts.PayoutScheduled;
import cn.huzhu.contracts.payouts.PayoutSent;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.batch.BatchReconciledEvent;
import cn.huzhu.payout.command.payout.PayoutCancelledEvent;
import cn.huzhu.payout.command.payout.PayoutParkedEvent;
import cn.huzhu.payout.command.payout.PayoutScheduledEvent;
import cn.huzhu.payout.command.payout.TransferFailedEvent;
import cn.huzhu.payout.command.payout.TransferRequestedEvent;
import cn.huzhu.payout.command.payout.TransferSucceededEvent;
import cn.huzhu.payout.command.recovery.RecoveryOffsetEvent;
import cn.huzhu.payout.command.recovery.RecoveryOffsetReturnedEvent;
import cn.huzhu.payout.command.recovery.RecoveryOpenedEvent;
import cn.huzhu.payout.command.recovery.RepaymentRecordedEvent;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.TypedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes the payouts' events as Avro records on {@link Topics#PAYOUTS}, from the event store as the outbox. */
@Component
@ProcessingGroup("kafka-publisher")
public class PayoutPublisher {

    private final KafkaOutbox<SpecificRecord> outbox;

    public PayoutPublisher(@Qualifier("contractKafkaTemplate") KafkaTemplate<String, SpecificRecord> kafka) {
        this.outbox = new KafkaOutbox<>(kafka);
    }

    @EventHandler
    void on(PayoutScheduledEvent e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(
                Topics.PAYOUTS,
                e.memberId().value(),
                PayoutScheduled.newBuilder()
                        .setEventId(id(m))
                        .setOccurredAt(at)
                        .setPayoutId(uuid(e.payoutId()))
                        .setClaimId(uuid(e.claimId()))
                        .setMemberId(uuid(e.memberId()))
                        .setEnrollmentId(uuid(e.enrollmentId()))
                        .setPlanId(e.planId().value())
                        .setClaimType(e.claimType())
                        .setAmount(e.amount())
                        .setDecidedOn(e.decidedOn())
                        .build());
    }

    @EventHandler
    void on(TransferRequestedEvent e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(
                Topics.PAYOUTS,
                e.memberId().value(),
                PayoutSent.newBuilder()
                        .setEventId(id(m))
                        .setOccurredAt(at)
                        .setPayoutId(uuid(e.payoutId()))
                        .setClaimId(uuid(e.claimId()))
                        .setMemberId(uuid(e.memberId()))
                        .setReference(e.reference())
                        .setAttempt(e.attempt())
                        .setBatchId(uuid(e.batchId()))
                        .setDistrict(e.district())
                        .setSentOn(e.day())
                        .setAmount(e.amount())
                        .setOffset(e.offset())
                        .setAccountMasked(e.accountMasked())
                        .build());
    }

    @EventHandler
    void on(TransferSucceededEvent e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(
                Topics.PAYOUTS,
                e.memberId().value(),
                PayoutSucceeded.newBuilder()
                        .setEventId(id(m))
                        .setOccurredAt(at)
                        .setPayoutId(uuid(e.payoutId()))
                        .setClaimId(uuid(e.claimId()))
                        .setMemberId(uuid(e.memberId()))
                        .setReference(e.reference())
                        .setBatchId(uuid(e.batchId()))
                        .setDistrict(e.district())
                        .setAmount(e.amount())
                        .setBenefit(e.benefit())
                        .setConfirmedOn(e.confirmedOn())
                        .build());
    }

    @EventHandler
    void on(TransferFailedEvent e, EventMessage<?> m, @Timestamp Instant at) {
        failed(
                m,
                at,
                e.payoutId(),
                e.claimId(),
                e.memberId(),
                e.reference(),
                e.attempt(),
                e.last() ? "FAILED" : "RETRY",
                e.reason(),
                e.nextAttemptAt());
    }

    @EventHandler
    void on(PayoutParkedEvent e, EventMessage<?> m, @Timestamp Instant at) {
        failed(m, at, e.payoutId(), e.claimId(), e.memberId(), e.reference(), e.attempt(), "PARKED", e.reason(), null);
    }

    @EventHandler
    void on(PayoutCancelledEvent e, EventMessage<?> m, @Timestamp Instant at) {
        failed(m, at, e.payoutId(), e.claimId(), e.memberId(), null, e.attempt(), "CANCELLED", e.reason(), null);
    }

    @EventHandler
    void on(RecoveryOpenedEvent e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "OPENED", e.payoutId(), null, e.amount(), e.outstanding(), e.on());
    }

    @EventHandler
    void on(RecoveryOffsetEvent e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "OFFSET", e.payoutId(), null, e.amount(), e.outstanding(), e.on());
    }

    @EventHandler
    void on(RecoveryOffsetReturnedEvent e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "OFFSET_RETURNED", e.payoutId(), null, e.amount(), e.outstanding(), e.on());
    }

    @EventHandler
    void on(RepaymentRecordedEvent e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "REPAID", null, e.reference(), e.amount(), e.outstanding(), e.paidOn());
    }

    @EventHandler
    void on(BatchReconciledEvent e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(
                Topics.PAYOUTS,
                e.batchId().value(),
                PayoutBatchReconciled.newBuilder()
                        .setEventId(id(m))
                        .setOccurredAt(at)
                        .setBatchId(uuid(e.batchId()))
                        .setDistrict(e.district())
                        .setDay(e.day())
                        .setStatus(e.status())
                        .setCount(e.count())
                        .setAmount(Money.exactYuan(e.amount()))
                        .setBankCount(e.bankCount())
                        .setBankAmount(Money.exactYuan(e.bankAmount()))
                        .setDifferences(e.differences())
                        .build());
    }

    private void failed(
            EventMessage<?> m,
            Instant at,
            PayoutId payoutId,
            ClaimId claimId,
            MemberId memberId,
            String reference,
            int attempt,
            String outcome,
            String reason,
            Instant nextAttemptAt) {
        outbox.send(
                Topics.PAYOUTS,
                memberId.value(),
                PayoutFailed.newBuilder()
                        .setEventId(id(m))
                        .setOccurredAt(at)
                        .setPayoutId(uuid(payoutId))
                        .setClaimId(uuid(claimId))
                        .setMemberId(uuid(memberId))
                        .setReference(reference)
                        .setAttempt(attempt)
                        .setOutcome(outcome)
                        .setReason(reason)
                        .setNextAttemptAt(nextAttemptAt)
                        .build());
    }

    private void recovery(
            EventMessage<?> m,
            Instant at,
            MemberId memberId,
            String kind,
            PayoutId payoutId,
            String reference,
            BigDecimal amount,
            BigDecimal outstanding,
            LocalDate on) {
        outbox.send(
                Topics.PAYOUTS,
                memberId.value(),
                PayoutRecovery.newBuilder()
                        .setEventId(id(m))
                        .setOccurredAt(at)
                        .setMemberId(uuid(memberId))
                        .setKind(kind)
                        .setPayoutId(payoutId == null ? null : uuid(payoutId))
                        .setReference(reference)
                        .setAmount(amount)
                        .setOutstanding(Money.exactYuan(outstanding))
                        .setRecordedOn(on)
                        .build());
    }

    private static UUID uuid(TypedId id) {
        return UUID.fromString(id.value());
    }

    private static UUID id(EventMessage<?> m) {
        return UUID.fromString(m.getIdentifier());
    }
}
