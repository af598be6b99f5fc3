package cn.huzhu.payout.messaging;

import cn.huzhu.axon.KafkaOutbox;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.payouts.PayoutBatchReconciled;
import cn.huzhu.contracts.payouts.PayoutFailed;
import cn.huzhu.contracts.payouts.PayoutRecovery;
import cn.huzhu.contracts.payouts.PayoutScheduled;
import cn.huzhu.contracts.payouts.PayoutSent;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.payout.command.BatchAggregate.BatchReconciled;
import cn.huzhu.payout.command.PayoutEvents;
import cn.huzhu.payout.command.PayoutEvents.PayoutCancelled;
import cn.huzhu.payout.command.PayoutEvents.PayoutParked;
import cn.huzhu.payout.command.PayoutEvents.TransferFailed;
import cn.huzhu.payout.command.PayoutEvents.TransferRequested;
import cn.huzhu.payout.command.PayoutEvents.TransferSucceeded;
import cn.huzhu.payout.command.RecoveryEvents.RecoveryOffset;
import cn.huzhu.payout.command.RecoveryEvents.RecoveryOffsetReturned;
import cn.huzhu.payout.command.RecoveryEvents.RecoveryOpened;
import cn.huzhu.payout.command.RecoveryEvents.RepaymentRecorded;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    void on(PayoutEvents.PayoutScheduled e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(Topics.PAYOUTS, e.memberId(), PayoutScheduled.newBuilder().setEventId(id(m)).setOccurredAt(at)
                .setPayoutId(UUID.fromString(e.payoutId())).setClaimId(UUID.fromString(e.claimId())).setMemberId(UUID.fromString(e.memberId()))
                .setEnrollmentId(UUID.fromString(e.enrollmentId())).setPlanId(e.planId()).setClaimType(e.claimType()).setAmount(e.amount())
                .setDecidedOn(e.decidedOn()).build());
    }

    @EventHandler
    void on(TransferRequested e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(Topics.PAYOUTS, e.memberId(), PayoutSent.newBuilder().setEventId(id(m)).setOccurredAt(at)
                .setPayoutId(UUID.fromString(e.payoutId())).setClaimId(UUID.fromString(e.claimId())).setMemberId(UUID.fromString(e.memberId()))
                .setReference(e.reference()).setAttempt(e.attempt()).setBatchId(UUID.fromString(e.batchId())).setDistrict(e.district())
                .setSentOn(e.day()).setAmount(e.amount()).setOffset(e.offset()).setAccountMasked(e.accountMasked()).build());
    }

    @EventHandler
    void on(TransferSucceeded e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(Topics.PAYOUTS, e.memberId(), PayoutSucceeded.newBuilder().setEventId(id(m)).setOccurredAt(at)
                .setPayoutId(UUID.fromString(e.payoutId())).setClaimId(UUID.fromString(e.claimId())).setMemberId(UUID.fromString(e.memberId()))
                .setReference(e.reference()).setBatchId(UUID.fromString(e.batchId())).setDistrict(e.district()).setAmount(e.amount())
                .setBenefit(e.benefit()).setConfirmedOn(e.confirmedOn()).build());
    }

    @EventHandler
    void on(TransferFailed e, EventMessage<?> m, @Timestamp Instant at) {
        failed(m, at, e.payoutId(), e.claimId(), e.memberId(), e.reference(), e.attempt(), e.last() ? "FAILED" : "RETRY", e.reason(), e.nextAttemptAt());
    }

    @EventHandler
    void on(PayoutParked e, EventMessage<?> m, @Timestamp Instant at) {
        failed(m, at, e.payoutId(), e.claimId(), e.memberId(), e.reference(), e.attempt(), "PARKED", e.reason(), null);
    }

    @EventHandler
    void on(PayoutCancelled e, EventMessage<?> m, @Timestamp Instant at) {
        failed(m, at, e.payoutId(), e.claimId(), e.memberId(), null, e.attempt(), "CANCELLED", e.reason(), null);
    }

    @EventHandler
    void on(RecoveryOpened e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "OPENED", e.payoutId(), null, e.amount(), e.outstanding(), e.on());
    }

    @EventHandler
    void on(RecoveryOffset e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "OFFSET", e.payoutId(), null, e.amount(), e.outstanding(), e.on());
    }

    @EventHandler
    void on(RecoveryOffsetReturned e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "OFFSET_RETURNED", e.payoutId(), null, e.amount(), e.outstanding(), e.on());
    }

    @EventHandler
    void on(RepaymentRecorded e, EventMessage<?> m, @Timestamp Instant at) {
        recovery(m, at, e.memberId(), "REPAID", null, e.reference(), e.amount(), e.outstanding(), e.paidOn());
    }

    @EventHandler
    void on(BatchReconciled e, EventMessage<?> m, @Timestamp Instant at) {
        outbox.send(Topics.PAYOUTS, e.batchId(), PayoutBatchReconciled.newBuilder().setEventId(id(m)).setOccurredAt(at)
                .setBatchId(UUID.fromString(e.batchId())).setDistrict(e.district()).setDay(e.day()).setStatus(e.status())
                .setCount(e.count()).setAmount(e.amount().setScale(2, RoundingMode.UNNECESSARY)).setBankCount(e.bankCount())
                .setBankAmount(e.bankAmount().setScale(2, RoundingMode.UNNECESSARY)).setDifferences(e.differences()).build());
    }

    private void failed(EventMessage<?> m, Instant at, String payoutId, String claimId, String memberId, String reference, int attempt,
                        String outcome, String reason, Instant nextAttemptAt) {
        outbox.send(Topics.PAYOUTS, memberId, PayoutFailed.newBuilder().setEventId(id(m)).setOccurredAt(at)
                .setPayoutId(UUID.fromString(payoutId)).setClaimId(UUID.fromString(claimId)).setMemberId(UUID.fromString(memberId))
                .setReference(reference).setAttempt(attempt).setOutcome(outcome).setReason(reason).setNextAttemptAt(nextAttemptAt).build());
    }

    private void recovery(EventMessage<?> m, Instant at, String memberId, String kind, String payoutId, String reference, BigDecimal amount,
                          BigDecimal outstanding, LocalDate on) {
        outbox.send(Topics.PAYOUTS, memberId, PayoutRecovery.newBuilder().setEventId(id(m)).setOccurredAt(at)
                .setMemberId(UUID.fromString(memberId)).setKind(kind).setPayoutId(payoutId == null ? null : UUID.fromString(payoutId))
                .setReference(reference).setAmount(amount).setOutstanding(outstanding.setScale(2, RoundingMode.UNNECESSARY)).setRecordedOn(on).build());
    }

    private static UUID id(EventMessage<?> m) {
        return UUID.fromString(m.getIdentifier());
    }
}
