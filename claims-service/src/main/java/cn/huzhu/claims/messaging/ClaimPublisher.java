package cn.huzhu.claims.messaging;

import cn.huzhu.axon.KafkaOutbox;
import cn.huzhu.claims.command.claim.BenefitDecision;
import cn.huzhu.claims.command.claim.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.claim.ClaimRevokedEvent;
import cn.huzhu.claims.command.claim.ClaimStatus;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimReferredForReview;
import cn.huzhu.contracts.claims.ClaimRejected;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.claims.SettledAtHospital;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every decision as {@code ClaimApproved} (the benefits to pay, the enrolments with nothing to pay
 * left out) or {@code ClaimRejected}, from the event store as the outbox. A claim waiting in review is not
 * published until it is decided.
 */
@Component
@ProcessingGroup("kafka-publisher")
public class ClaimPublisher {

    private final KafkaOutbox<SpecificRecord> outbox;

    public ClaimPublisher(@Qualifier("contractKafkaTemplate") KafkaTemplate<String, SpecificRecord> kafka) {
        this.outbox = new KafkaOutbox<>(kafka);
    }

    @EventHandler
    void on(ClaimAdjudicatedEvent e, EventMessage<?> message, @Timestamp Instant at) {
        UUID eventId = UUID.fromString(message.getIdentifier());
        if (e.status() == ClaimStatus.PENDING_COVERAGE) {
            return;
        }
        if (e.status() == ClaimStatus.IN_REVIEW) {
            // told to the member (its notice); the reasons stay here: they may name the condition
            outbox.send(
                    Topics.CLAIMS,
                    e.memberId().value(),
                    ClaimReferredForReview.newBuilder()
                            .setEventId(eventId)
                            .setOccurredAt(at)
                            .setClaimId(UUID.fromString(e.claimId().value()))
                            .setMemberId(UUID.fromString(e.memberId().value()))
                            .setType(e.claim().type())
                            .setEventDate(e.claim().eventDate())
                            .setSubmittedOn(e.submittedOn())
                            .build());
            return;
        }
        if (e.status() == ClaimStatus.APPROVED) {
            outbox.send(
                    Topics.CLAIMS,
                    e.memberId().value(),
                    ClaimApproved.newBuilder()
                            .setEventId(eventId)
                            .setOccurredAt(at)
                            .setClaimId(UUID.fromString(e.claimId().value()))
                            .setMemberId(UUID.fromString(e.memberId().value()))
                            .setType(e.claim().type())
                            .setEventDate(e.claim().eventDate())
                            .setDecidedOn(e.decidedOn())
                            .setSubmittedOn(e.submittedOn())
                            .setTotal(e.total())
                            .setBenefits(e.benefits().stream()
                                    .filter(b -> b.amount().signum() > 0)
                                    .map(ClaimPublisher::benefit)
                                    .toList())
                            .setHospitalSettlement(
                                    e.settlement() == null
                                            ? null
                                            : new SettledAtHospital(
                                                    e.settlement().district(),
                                                    e.settlement().settlementId(),
                                                    String.valueOf(e.hospital())))
                            .build());
        } else {
            outbox.send(
                    Topics.CLAIMS,
                    e.memberId().value(),
                    ClaimRejected.newBuilder()
                            .setEventId(eventId)
                            .setOccurredAt(at)
                            .setClaimId(UUID.fromString(e.claimId().value()))
                            .setMemberId(UUID.fromString(e.memberId().value()))
                            .setType(e.claim().type())
                            .setEventDate(e.claim().eventDate())
                            .setDecidedOn(e.decidedOn())
                            .setSubmittedOn(e.submittedOn())
                            .setCode(e.rejection().code())
                            .setMessage(e.rejection().message())
                            .build());
        }
    }

    @EventHandler
    void on(ClaimRevokedEvent e, EventMessage<?> message, @Timestamp Instant at) {
        outbox.send(
                Topics.CLAIMS,
                e.memberId().value(),
                ClaimRevoked.newBuilder()
                        .setEventId(UUID.fromString(message.getIdentifier()))
                        .setOccurredAt(at)
                        .setClaimId(UUID.fromString(e.claimId().value()))
                        .setMemberId(UUID.fromString(e.memberId().value()))
                        .setReason(e.reason())
                        .setRevokedOn(e.revokedOn())
                        .setTotal(e.total())
                        .setEnrollmentIds(e.benefits().stream()
                                .map(b -> UUID.fromString(b.enrollmentId().value()))
                                .toList())
                        .build());
    }

    private static ApprovedBenefit benefit(BenefitDecision b) {
        return new ApprovedBenefit(
                b.planId().value(),
                b.planVersion(),
                UUID.fromString(b.enrollmentId().value()),
                b.amount());
    }
}
