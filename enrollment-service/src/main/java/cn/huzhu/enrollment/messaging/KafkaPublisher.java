package cn.huzhu.enrollment.messaging;

import cn.huzhu.axon.KafkaOutbox;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.EnrollmentTargetSet;
import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.contracts.enrollment.MemberContactRegistered;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.enrollment.PlanVersionPublished;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.contracts.enrollment.PremiumCollectionFailed;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.enrollment.command.member.BankAccountRegisteredEvent;
import cn.huzhu.enrollment.command.member.MemberEnrolledEvent;
import cn.huzhu.enrollment.command.member.MemberRegisteredEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectedEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectionFailedEvent;
import cn.huzhu.enrollment.command.plan.PlanVersionRegisteredEvent;
import cn.huzhu.enrollment.command.target.TargetSetEvent;
import cn.huzhu.enrollment.command.unit.UnitRegisteredEvent;
import cn.huzhu.vocabulary.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the service's domain events as Avro integration events. It is a streaming processor over the
 * event store, so the event store is the outbox: a batch's token is stored only after Kafka acknowledged
 * every record of the batch. After a crash the batch is sent again with the same event ids, which
 * consumers deduplicate on.
 */
@Component
@ProcessingGroup("kafka-publisher")
public class KafkaPublisher {

    private final KafkaOutbox<SpecificRecord> outbox;

    public KafkaPublisher(KafkaTemplate<String, SpecificRecord> kafka) {
        this.outbox = new KafkaOutbox<>(kafka);
    }

    @EventHandler
    void on(PlanVersionRegisteredEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.PLANS,
                e.planId().value(),
                PlanVersionPublished.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setPlanId(e.planId().value())
                        .setVersion(e.version())
                        .setName(e.name())
                        .setRegion(e.region())
                        .setValidFrom(e.validFrom())
                        .setDefinitionJson(e.definitionJson())
                        .build());
    }

    @EventHandler
    void on(UnitRegisteredEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.UNITS,
                e.unitId().value(),
                UnitRegistered.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setUnitId(UUID.fromString(e.unitId().value()))
                        .setName(e.name())
                        .setDistrict(e.district())
                        .setNature(e.nature().name())
                        .setInsuredHeadcount(e.insuredHeadcount())
                        .build());
    }

    @EventHandler
    void on(MemberRegisteredEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.MEMBERS,
                e.memberId().value(),
                MemberRegistered.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setMemberId(UUID.fromString(e.memberId().value()))
                        .setUnitId(UUID.fromString(e.unitId().value()))
                        .setDistrict(e.district())
                        .setCategory(e.category().name())
                        .setGender(e.gender().name())
                        .setBirthDate(e.birthDate())
                        .setServiceCard(e.serviceCard())
                        .setRealNameVerified(e.realNameVerified())
                        .setRegisteredOn(e.registeredOn())
                        .build());
        if (e.phone() != null && !e.phone().isBlank()) {
            // the phone goes only to the notice sender, on a topic of its own; its id is derived from the event's, so a
            // batch sent again carries the same id
            send(
                    Topics.CONTACTS,
                    e.memberId().value(),
                    MemberContactRegistered.newBuilder()
                            .setEventId(UUID.nameUUIDFromBytes(
                                    (message.getIdentifier() + "/contact").getBytes(StandardCharsets.UTF_8)))
                            .setOccurredAt(at)
                            .setMemberId(UUID.fromString(e.memberId().value()))
                            .setPhone(e.phone().strip())
                            .build());
        }
    }

    @EventHandler
    void on(BankAccountRegisteredEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.BANK_ACCOUNTS,
                e.memberId().value(),
                MemberBankAccountRegistered.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setMemberId(UUID.fromString(e.memberId().value()))
                        .setDistrict(e.district())
                        .setBankName(e.bankName())
                        .setAccountType(e.accountType().name())
                        .setAccountNumber(e.accountNumber())
                        .setHolderName(e.holderName())
                        .setPhone(e.phone())
                        .setRegisteredOn(e.registeredOn())
                        .setEffectiveFrom(e.inForceFrom().isAfter(e.registeredOn()) ? e.inForceFrom() : null)
                        .setByMember(e.byMember())
                        .build());
    }

    @EventHandler
    void on(MemberEnrolledEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.MEMBERS,
                e.memberId().value(),
                MemberEnrolled.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setEnrollmentId(UUID.fromString(e.enrollmentId().value()))
                        .setMemberId(UUID.fromString(e.memberId().value()))
                        .setUnitId(UUID.fromString(e.unitId().value()))
                        .setDistrict(e.district())
                        .setCategory(e.category().name())
                        .setPlanId(e.planId().value())
                        .setPlanVersion(e.planVersion())
                        .setShares(e.shares())
                        .setTermYears(e.termYears())
                        .setPremium(e.premium())
                        .setFunding(e.funding().stream()
                                .map(f -> new Funding(f.payer().name(), f.amount()))
                                .toList())
                        .setCoverageStart(e.coverageStart())
                        .setCoverageEnd(e.coverageEnd())
                        .setWaitingPeriodEnd(e.waitingPeriodEnd())
                        .setContinuous(e.continuous())
                        .setGifted(e.gifted())
                        .setGiftOf(e.giftOf() == null ? null : UUID.fromString(e.giftOf()))
                        .setMigrated(e.migrated())
                        .setPremiumStatus(e.status().name())
                        .build());
    }

    @EventHandler
    void on(PremiumCollectedEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.MEMBERS,
                e.memberId().value(),
                PremiumCollected.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setEnrollmentId(UUID.fromString(e.enrollmentId().value()))
                        .setMemberId(UUID.fromString(e.memberId().value()))
                        .setUnitId(UUID.fromString(e.unitId().value()))
                        .setDistrict(e.district())
                        .setPlanId(e.planId().value())
                        .setMethod(e.method().name())
                        .setReference(e.reference())
                        .setAmount(Money.exactYuan(e.amount()))
                        .setCollectedOn(e.collectedOn())
                        .setCoverageStart(e.coverageStart())
                        .setCoverageEnd(e.coverageEnd())
                        .setWaitingPeriodEnd(e.waitingPeriodEnd())
                        .build());
    }

    @EventHandler
    void on(PremiumCollectionFailedEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.MEMBERS,
                e.memberId().value(),
                PremiumCollectionFailed.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setEnrollmentId(UUID.fromString(e.enrollmentId().value()))
                        .setMemberId(UUID.fromString(e.memberId().value()))
                        .setDistrict(e.district())
                        .setPlanId(e.planId().value())
                        .setMethod(e.method().name())
                        .setReference(e.reference())
                        .setReason(e.reason())
                        .setFailedOn(e.failedOn())
                        .build());
    }

    @EventHandler
    void on(TargetSetEvent e, EventMessage<?> message, @Timestamp Instant at) {
        send(
                Topics.TARGETS,
                e.targetId(),
                EnrollmentTargetSet.newBuilder()
                        .setEventId(eventId(message))
                        .setOccurredAt(at)
                        .setTargetId(e.targetId())
                        .setScope(e.scope().name())
                        .setUnitId(e.unitId() == null ? null : UUID.fromString(e.unitId()))
                        .setDistrict(e.district())
                        .setYear(e.year())
                        .setPlanId(e.planId())
                        .setTarget(e.target())
                        .build());
    }

    private void send(String topic, String key, SpecificRecord record) {
        outbox.send(topic, key, record);
    }

    private static UUID eventId(EventMessage<?> message) {
        return UUID.fromString(message.getIdentifier());
    }
}
