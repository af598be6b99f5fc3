package cn.huzhu.claims.messaging;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.claims.command.Actor;
import cn.huzhu.claims.command.claim.BenefitDecision;
import cn.huzhu.claims.command.claim.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.claim.ClaimHandler;
import cn.huzhu.claims.command.claim.ClaimStatus;
import cn.huzhu.claims.command.claim.HospitalSettlement;
import cn.huzhu.claims.command.claim.ReviewClaimCommand;
import cn.huzhu.claims.command.claim.RevokeClaimCommand;
import cn.huzhu.claims.command.claim.SettlementConflictException;
import cn.huzhu.claims.command.claim.StoredLine;
import cn.huzhu.claims.command.claim.SubmitClaimCommand;
import cn.huzhu.claims.command.claim.UnknownMemberException;
import cn.huzhu.claims.command.stay.DuplicateStayException;
import cn.huzhu.claims.engine.Bill;
import cn.huzhu.claims.engine.Cause;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.ClaimType;
import cn.huzhu.claims.query.ClaimRecord;
import cn.huzhu.claims.query.FindClaimQuery;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.contracts.UnverifiedRecordException;
import cn.huzhu.contracts.regional.HospitalSettlementAnswered;
import cn.huzhu.contracts.regional.HospitalSettlementReversed;
import cn.huzhu.contracts.regional.HospitalSettlementSubmitted;
import cn.huzhu.contracts.regional.SettlementBenefit;
import cn.huzhu.contracts.regional.SettlementLine;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.identity.InvalidIdNumberException;
import cn.huzhu.identity.MemberIds;
import cn.huzhu.kafka.OfficeTopics;
import cn.huzhu.security.OfficeIdentity;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hospital settlements from a district's hospitals (Quzhou settles at the hospital desk together with basic
 * insurance). Each settlement becomes a hospitalisation claim whose id is derived from the district and the
 * settlement number, so a settlement sent or delivered again is the same claim and is answered the same way, with
 * no second effect. The hospital knows the patient by the ID number: the member id is derived from it with the
 * deployment's key (as enrollment-service does) and the number itself is neither stored nor logged. A reversal
 * revokes the claim and gives back to the benefit accounts what it had taken. A record whose sender cannot be verified
 * ({@link OfficeIdentity}) goes to the dead-letter topic unanswered; a verified office is answered on its own topic.
 * The answer is sent after the claim is
 * recorded and before the record's offset is committed: a crash in between answers again on redelivery.
 */
@Component
public class HospitalSettlementListener {

    private static final Logger log = LoggerFactory.getLogger(HospitalSettlementListener.class);
    static final String REVERSAL_REASON = "SETTLEMENT_REVERSED";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MemberIds memberIds;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Clock clock;

    private final OfficeIdentity offices;
    private final OfficeTopics answerTopics;

    public HospitalSettlementListener(
            CommandGateway commands,
            QueryGateway queries,
            MemberIds memberIds,
            @Qualifier("answerKafkaTemplate") KafkaTemplate<String, SpecificRecord> kafka,
            Clock clock,
            OfficeIdentity offices,
            OfficeTopics answerTopics) {
        this.offices = offices;
        this.answerTopics = answerTopics;
        this.commands = commands;
        this.queries = queries;
        this.memberIds = memberIds;
        this.kafka = kafka;
        this.clock = clock;
    }

    @KafkaListener(
            id = "hospital-settlements",
            topics = Topics.REGIONAL_HOSPITAL_SETTLEMENTS,
            batch = "false",
            concurrency = "${huzhu.kafka.settlement-consumers}")
    public void on(ConsumerRecord<String, byte[]> record) throws Exception {
        OfficeIdentity.Verdict office = offices.verify(record);
        if (!office.verified()) {
            log.warn("Record {} of {} refused: {}", record.key(), record.topic(), office.refusal());
            throw new UnverifiedRecordException(office.refusal());
        }
        SpecificRecord decoded;
        try {
            decoded = EventCodec.contracts().decode(record.value());
            if (!(decoded instanceof HospitalSettlementSubmitted) && !(decoded instanceof HospitalSettlementReversed)) {
                throw new UndecodableRecordException("Expected a hospital settlement or its reversal but got "
                        + decoded.getSchema().getName());
            }
        } catch (UndecodableRecordException e) {
            answer(
                    office,
                    refused(
                            String.valueOf(record.key()),
                            office.district(),
                            "UNDECODABLE",
                            "The record could not be read: " + e.getMessage()));
            throw e;
        }
        if (decoded instanceof HospitalSettlementSubmitted settlement) {
            answer(
                    office,
                    office.mayActFor(settlement.getDistrict())
                            ? settle(settlement)
                            : notThisOffice(settlement.getSettlementId(), settlement.getDistrict(), office));
        } else {
            HospitalSettlementReversed reversal = (HospitalSettlementReversed) decoded;
            answer(
                    office,
                    office.mayActFor(reversal.getDistrict())
                            ? reverse(reversal)
                            : notThisOffice(reversal.getSettlementId(), reversal.getDistrict(), office));
        }
    }

    private HospitalSettlementAnswered settle(HospitalSettlementSubmitted s) {
        ClaimId claimId = new ClaimId(claimIdOf(s.getDistrict(), s.getSettlementId()));
        LocalDate today = LocalDate.now(clock);
        MemberId memberId;
        Claim claim;
        try {
            memberId = new MemberId(memberIds.of(IdNumber.parse(s.getIdNumber(), today)));
            claim = claim(s);
        } catch (InvalidIdNumberException e) {
            return refused(
                    s.getSettlementId(), s.getDistrict(), "INVALID_ID_NUMBER", "The patient's " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return refused(s.getSettlementId(), s.getDistrict(), "INVALID_SETTLEMENT", e.getMessage());
        }
        ClaimHandler.Submitted submitted;
        try {
            submitted = Conflicts.sendRetrying(
                    commands,
                    new SubmitClaimCommand(
                            claimId,
                            memberId,
                            claim,
                            s.getHospital(),
                            today,
                            new HospitalSettlement(s.getDistrict(), s.getSettlementId()),
                            Actor.hospitalDesk(s.getDistrict())));
        } catch (SettlementConflictException e) {
            return refused(s.getSettlementId(), s.getDistrict(), "SETTLEMENT_CONFLICT", e.getMessage());
        } catch (DuplicateStayException e) {
            return refused(s.getSettlementId(), s.getDistrict(), "DUPLICATE_STAY", e.getMessage());
        } catch (UnknownMemberException e) {
            return refused(
                    s.getSettlementId(),
                    s.getDistrict(),
                    "UNKNOWN_MEMBER",
                    "The patient is not a member of the scheme");
        } catch (IllegalArgumentException e) {
            return refused(s.getSettlementId(), s.getDistrict(), "INVALID_SETTLEMENT", e.getMessage());
        }
        // A settlement decided before is answered from its record (it may have been reversed since).
        return answered(
                s.getSettlementId(),
                s.getDistrict(),
                submitted.decision() != null
                        ? new ClaimRecord(submitted.decision(), null)
                        : find(claimId.value()).orElseThrow());
    }

    private HospitalSettlementAnswered reverse(HospitalSettlementReversed r) {
        ClaimId claimId = new ClaimId(claimIdOf(r.getDistrict(), r.getSettlementId()));
        Optional<ClaimRecord> known = find(claimId.value());
        if (known.isEmpty()) {
            return refused(
                    r.getSettlementId(),
                    r.getDistrict(),
                    "UNKNOWN_SETTLEMENT",
                    "No settlement " + r.getSettlementId() + " was received");
        }
        ClaimAdjudicatedEvent decision = known.get().decision();
        LocalDate today = LocalDate.now(clock);
        if (known.get().revocation() == null && decision.status() == ClaimStatus.APPROVED) {
            Conflicts.sendRetrying(commands, new RevokeClaimCommand(claimId, REVERSAL_REASON, r.getReason(), today));
        } else if (decision.status() == ClaimStatus.IN_REVIEW) {
            commands.sendAndWait(new ReviewClaimCommand(
                    claimId,
                    false,
                    "Settlement reversed by the hospital: " + r.getReason(),
                    "hospital settlement " + r.getDistrict(),
                    today));
        }
        ClaimRecord now = find(claimId.value()).orElseThrow();
        BigDecimal reversed = now.revocation() != null ? now.revocation().total() : BigDecimal.ZERO;
        return builder(r.getSettlementId(), r.getDistrict(), "REVERSED")
                .setClaimId(UUID.fromString(claimId.value()))
                .setAmount(Money.exactYuan(reversed))
                .setMessage(
                        now.revocation() != null
                                ? "The claim is revoked; the benefit accounts are given back what it paid"
                                : "Nothing had been paid for this settlement")
                .build();
    }

    /** The same settlement number of the same district is always the same claim. */
    static String claimIdOf(String district, String settlementId) {
        return UUID.nameUUIDFromBytes(
                        ("hospital-settlement:" + district + ":" + settlementId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Claim claim(HospitalSettlementSubmitted s) {
        for (BigDecimal amount : new BigDecimal[] {
            s.getTotal(), s.getPooledFundPaid(), s.getCoPay(), s.getDeductible(), s.getSelfFunded()
        }) {
            if (amount != null && amount.signum() < 0) {
                throw new IllegalArgumentException("Amounts of a settlement are never negative");
            }
        }
        if (s.getHospitalDays() != null && s.getHospitalDays() < 0) {
            throw new IllegalArgumentException("hospitalDays is never negative");
        }
        Cause cause;
        try {
            cause = Cause.valueOf(s.getCause());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown cause " + s.getCause()
                    + "; one of ILLNESS, TRAFFIC_ACCIDENT, WORK_INJURY, OTHER_ACCIDENT");
        }
        Bill bill = new Bill(
                s.getTotal(),
                s.getPooledFundPaid(),
                s.getDeductible(),
                s.getCoPay(),
                s.getSelfFunded(),
                true,
                null,
                null);
        return new Claim(
                ClaimType.HOSPITALIZATION,
                s.getAdmissionDate(),
                s.getDischargeDate(),
                s.getHospitalDays(),
                s.getHospitalGrade(),
                null,
                null,
                cause,
                Set.of(),
                bill);
    }

    private HospitalSettlementAnswered answered(String settlementId, String district, ClaimRecord record) {
        ClaimAdjudicatedEvent d = record.decision();
        String status = record.revocation() != null ? "REVERSED" : d.status().name();
        BigDecimal amount = record.revocation() != null
                ? record.revocation().total()
                : d.status() == ClaimStatus.APPROVED ? d.total() : BigDecimal.ZERO;
        HospitalSettlementAnswered.Builder answer = builder(settlementId, district, status)
                .setClaimId(UUID.fromString(d.claimId().value()))
                .setAmount(Money.exactYuan(amount))
                .setBenefits(d.benefits().stream()
                        .map(HospitalSettlementListener::benefit)
                        .toList());
        if (d.status() == ClaimStatus.IN_REVIEW) {
            answer.setCode("IN_REVIEW")
                    .setMessage("An adjudicator decides (" + String.join("; ", d.reviewReasons())
                            + "); nothing is paid at the desk, an approved amount goes to the member's bank card");
        } else if (d.rejection() != null) {
            answer.setCode(d.rejection().code()).setMessage(d.rejection().message());
        }
        return answer.build();
    }

    private static SettlementBenefit benefit(BenefitDecision b) {
        return new SettlementBenefit(
                b.planId().value(),
                b.planVersion(),
                Money.exactYuan(b.amount()),
                b.lines().stream().map(HospitalSettlementListener::line).toList());
    }

    private static SettlementLine line(StoredLine l) {
        return new SettlementLine(l.rule(), plain(l.base()), plain(l.rate()), Money.exactYuan(l.amount()), l.note());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private HospitalSettlementAnswered notThisOffice(
            String settlementId, String district, OfficeIdentity.Verdict office) {
        log.warn("Settlement record of district {} refused: {}", district, office.reasonFor(district));
        return refused(settlementId, district, "OFFICE_NOT_ALLOWED", office.reasonFor(district));
    }

    private HospitalSettlementAnswered refused(String settlementId, String district, String code, String message) {
        return builder(settlementId, district, "REFUSED")
                .setCode(code)
                .setMessage(message)
                .build();
    }

    private HospitalSettlementAnswered.Builder builder(String settlementId, String district, String status) {
        return HospitalSettlementAnswered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now(clock))
                .setSettlementId(settlementId)
                .setDistrict(district)
                .setStatus(status)
                .setClaimId(null)
                .setAmount(Money.exactYuan(BigDecimal.ZERO))
                .setBenefits(List.of())
                .setCode(null)
                .setMessage(null);
    }

    private Optional<ClaimRecord> find(String claimId) {
        return queries.query(new FindClaimQuery(claimId), ResponseTypes.optionalInstanceOf(ClaimRecord.class))
                .join();
    }

    /** Answers on the office's own topic, which only that office may read. */
    private void answer(OfficeIdentity.Verdict office, HospitalSettlementAnswered answer)
            throws InterruptedException, ExecutionException {
        kafka.send(
                        answerTopics.of(Topics.regionalSettlementResults(office.officeId())),
                        answer.getSettlementId(),
                        answer)
                .get();
    }
}
