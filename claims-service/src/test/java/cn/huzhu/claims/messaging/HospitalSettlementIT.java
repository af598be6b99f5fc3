package cn.huzhu.claims.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.claims.IntegrationTestSupport;
import cn.huzhu.claims.TopicRecords;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.regional.HospitalSettlementAnswered;
import cn.huzhu.contracts.regional.HospitalSettlementReversed;
import cn.huzhu.contracts.regional.HospitalSettlementSubmitted;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.identity.IdNumbers;
import cn.huzhu.identity.MemberIds;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Hospital settlements over real Kafka and PostgreSQL: a Quzhou hospital asks what the scheme pays on top of basic
 * insurance and is answered on the results topic under the settlement id.
 */
@DirtiesContext
@SpringBootTest
class HospitalSettlementIT extends IntegrationTestSupport {

    static final String DISTRICT = "柯城";
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final String PATIENT = IdNumbers.of("330802", LocalDate.of(1975, 5, 5), 11);
    static final String UNCOVERED = IdNumbers.of("330802", LocalDate.of(1976, 6, 6), 13);
    static final String NOT_A_MEMBER = IdNumbers.of("330802", LocalDate.of(1977, 7, 7), 15);
    /** The admission day of each settlement number. */
    static final java.util.Map<String, LocalDate> STAYS = new java.util.concurrent.ConcurrentHashMap<>();

    static final AtomicBoolean COVERED = new AtomicBoolean();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MemberIds memberIds;

    final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Once, after the service has declared its topics: the Quzhou plan and the patient's collected enrolment. */
    @BeforeEach
    void cover() throws Exception {
        if (COVERED.getAndSet(true)) {
            return;
        }
        String member = memberOf(PATIENT);
        publishPlan(producer, "quzhou-2020-hospital", 1);
        publishPlan(producer, "quzhou-2020-hospital", 2);
        send(
                producer,
                Topics.MEMBERS,
                member,
                enrolled(
                        member,
                        UUID.randomUUID().toString(),
                        "quzhou-2020-hospital",
                        1,
                        START,
                        START.plusYears(1).minusDays(1),
                        START,
                        "COLLECTED"));
        send(producer, Topics.MEMBERS, memberOf(UNCOVERED), registered(memberOf(UNCOVERED)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from coverage_view where member_id = ?",
                                Integer.class,
                                UUID.fromString(member))
                        == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from member_directory where member_id = ?",
                                Integer.class,
                                UUID.fromString(memberOf(UNCOVERED)))
                        == 1);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void shouldAnswerWhatTheSchemePaysWithTheCalculationAndPublishTheClaimAsSettledAtTheHospital() throws Exception {
        String id = "KC-" + UUID.randomUUID();

        submit(settlement(id, PATIENT, "8000.00"), DISTRICT);
        HospitalSettlementAnswered answer = answers(DISTRICT, id, 1).get(0);

        // Quzhou bands (assumed 40 % to 5 000, 45 % to 10 000): 5 000 × 0.40 + 3 000 × 0.45 = 2 000 + 1 350.
        assertThat(answer.getStatus()).isEqualTo("APPROVED");
        assertThat(answer.getAmount()).isEqualByComparingTo("3350.00");
        assertThat(answer.getDistrict()).isEqualTo(DISTRICT);
        assertThat(answer.getBenefits()).hasSize(1);
        assertThat(answer.getBenefits().get(0).getLines())
                .extracting(l -> l.getAmount().toPlainString())
                .containsExactly("2000.00", "1350.00");
        String claimId = answer.getClaimId().toString();
        ClaimApproved approved = (ClaimApproved) decisionsOf(claimId, 1).get(0);
        assertThat(approved.getMemberId().toString()).isEqualTo(memberOf(PATIENT));
        assertThat(approved.getHospitalSettlement().getSettlementId()).isEqualTo(id);
        assertThat(approved.getHospitalSettlement().getDistrict()).isEqualTo(DISTRICT);
    }

    @Test
    void shouldAnswerASettlementSentAgainTheSameWayWithoutASecondClaimOrPayment() throws Exception {
        String id = "KC-" + UUID.randomUUID();

        submit(settlement(id, PATIENT, "100.00"), DISTRICT);
        submit(settlement(id, PATIENT, "100.00"), DISTRICT);
        List<HospitalSettlementAnswered> answers = answers(DISTRICT, id, 2);

        assertThat(answers).extracting(HospitalSettlementAnswered::getStatus).containsExactly("APPROVED", "APPROVED");
        assertThat(answers)
                .extracting(a -> a.getAmount().toPlainString())
                .as("40 % of 100 is below the minimum payout of 50")
                .containsExactly("50.00", "50.00");
        String claimId = answers.get(0).getClaimId().toString();
        assertThat(answers.get(1).getClaimId().toString()).isEqualTo(claimId);
        assertThat(eventsOf(claimId)).as("one decision recorded").isEqualTo(1);
        assertThat(decisionsOf(claimId, 1)).as("one ClaimApproved").hasSize(1);
    }

    @Test
    void shouldRefuseTheSameSettlementNumberWithAnotherBillAndChangeNothing() throws Exception {
        String id = "KC-" + UUID.randomUUID();

        submit(settlement(id, PATIENT, "1000.00"), DISTRICT);
        submit(settlement(id, PATIENT, "9000.00"), DISTRICT);
        List<HospitalSettlementAnswered> answers = answers(DISTRICT, id, 2);

        assertThat(answers.get(0).getAmount()).isEqualByComparingTo("400.00");
        assertThat(answers.get(1).getStatus()).isEqualTo("REFUSED");
        assertThat(answers.get(1).getCode()).isEqualTo("SETTLEMENT_CONFLICT");
        assertThat(eventsOf(answers.get(0).getClaimId().toString())).isEqualTo(1);
    }

    @Test
    void shouldRevokeTheClaimWhenTheHospitalReversesTheSettlementOnceHoweverOftenItIsSent() throws Exception {
        String id = "KC-" + UUID.randomUUID();

        submit(settlement(id, PATIENT, "6000.00"), DISTRICT);
        submit(reversal(id, DISTRICT), DISTRICT);
        submit(reversal(id, DISTRICT), DISTRICT);
        submit(settlement(id, PATIENT, "6000.00"), DISTRICT);
        List<HospitalSettlementAnswered> answers = answers(DISTRICT, id, 4);

        assertThat(answers)
                .extracting(HospitalSettlementAnswered::getStatus)
                .containsExactly("APPROVED", "REVERSED", "REVERSED", "REVERSED");
        // 5 000 × 0.40 + 1 000 × 0.45 = 2 450, reversed whole.
        assertThat(answers)
                .extracting(a -> a.getAmount().toPlainString())
                .containsExactly("2450.00", "2450.00", "2450.00", "2450.00");
        List<SpecificRecord> published = decisionsOf(answers.get(0).getClaimId().toString(), 2);
        assertThat(published)
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("ClaimApproved", "ClaimRevoked");
        assertThat(((ClaimRevoked) published.get(1)).getReason()).isEqualTo(HospitalSettlementListener.REVERSAL_REASON);
    }

    @Test
    void shouldRejectASettlementOfAPatientWithoutCover() throws Exception {
        String id = "KC-" + UUID.randomUUID();

        submit(settlement(id, UNCOVERED, "3000.00"), DISTRICT);
        HospitalSettlementAnswered answer = answers(DISTRICT, id, 1).get(0);

        assertThat(answer.getStatus()).isEqualTo("REJECTED");
        assertThat(answer.getCode()).isEqualTo("NO_COVERAGE");
        assertThat(answer.getAmount()).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldRefuseAPatientWhoIsNoMemberAndAStayClaimedAlreadyAndRecordNothing() throws Exception {
        String stranger = "KC-" + UUID.randomUUID();
        String first = "KC-" + UUID.randomUUID();
        String again = "KC-" + UUID.randomUUID();

        submit(settlement(stranger, NOT_A_MEMBER, "3000.00"), DISTRICT);
        submit(settlement(first, PATIENT, "1200.00"), DISTRICT);
        // keyed by settlement number, the two land on different partitions: the second is sent once the first is
        // decided
        HospitalSettlementAnswered paid = answers(DISTRICT, first, 1).get(0);
        STAYS.put(again, STAYS.get(first).plusDays(1));
        submit(settlement(again, PATIENT, "1300.00"), DISTRICT);

        HospitalSettlementAnswered unknown = answers(DISTRICT, stranger, 1).get(0);
        assertThat(unknown.getCode()).isEqualTo("UNKNOWN_MEMBER");
        assertThat(eventsOf(HospitalSettlementListener.claimIdOf(DISTRICT, stranger)))
                .isZero();
        HospitalSettlementAnswered duplicate = answers(DISTRICT, again, 1).get(0);
        assertThat(paid.getStatus()).isEqualTo("APPROVED");
        assertThat(duplicate.getStatus()).isEqualTo("REFUSED");
        assertThat(duplicate.getCode())
                .as("another settlement number, an overlapping stay")
                .isEqualTo("DUPLICATE_STAY");
        assertThat(duplicate.getMessage()).contains(paid.getClaimId().toString());
        assertThat(eventsOf(HospitalSettlementListener.claimIdOf(DISTRICT, again)))
                .isZero();
    }

    @Test
    void shouldRefuseRecordsItCannotTakeWithoutChangingAnything() throws Exception {
        String wrongOffice = "KC-" + UUID.randomUUID();
        String badNumber = "KC-" + UUID.randomUUID();
        String unknown = "KC-" + UUID.randomUUID();
        String garbage = "KC-" + UUID.randomUUID();
        String unsigned = "KC-" + UUID.randomUUID();
        String wrongCheck = PATIENT.substring(0, 17) + (PATIENT.charAt(17) == '1' ? '2' : '1');

        submit(settlement(wrongOffice, PATIENT, "3000.00"), "衢江");
        submit(settlement(badNumber, wrongCheck, "3000.00"), DISTRICT);
        submit(reversal(unknown, DISTRICT), DISTRICT);
        send(garbage, new byte[] {7, 7, 7}, DISTRICT);
        producer.send(new ProducerRecord<>(
                        Topics.REGIONAL_HOSPITAL_SETTLEMENTS,
                        unsigned,
                        EventCodec.contracts().encode(settlement(unsigned, PATIENT, "3000.00"))))
                .get();

        assertThat(answers("衢江", wrongOffice, 1).get(0).getCode()).isEqualTo("OFFICE_NOT_ALLOWED");
        assertThat(eventsOf(HospitalSettlementListener.claimIdOf(DISTRICT, wrongOffice)))
                .isZero();
        HospitalSettlementAnswered invalid = answers(DISTRICT, badNumber, 1).get(0);
        assertThat(invalid.getCode()).isEqualTo("INVALID_ID_NUMBER");
        assertThat(invalid.getMessage()).doesNotContain(PATIENT.substring(0, 17));
        assertThat(answers(DISTRICT, unknown, 1).get(0).getCode()).isEqualTo("UNKNOWN_SETTLEMENT");
        assertThat(answers(DISTRICT, garbage, 1).get(0).getCode()).isEqualTo("UNDECODABLE");
        assertThat(TopicRecords.keys(Topics.deadLetter(Topics.REGIONAL_HOSPITAL_SETTLEMENTS), garbage, 1))
                .hasSize(1);
        assertThat(TopicRecords.keys(Topics.deadLetter(Topics.REGIONAL_HOSPITAL_SETTLEMENTS), unsigned, 1))
                .as("a record of no verified office: dead-lettered, unanswered")
                .hasSize(1);
        assertThat(eventsOf(HospitalSettlementListener.claimIdOf(DISTRICT, unsigned)))
                .isZero();
    }

    String memberOf(String idNumber) {
        return memberIds.of(IdNumber.parse(idNumber, LocalDate.now()));
    }

    /** A settlement of a stay of its own (each settlement number a week of its own in the cover year: one stay is settled once). */
    static HospitalSettlementSubmitted settlement(String id, String idNumber, String coPay) {
        BigDecimal patientShare = new BigDecimal(coPay);
        LocalDate admitted = STAYS.computeIfAbsent(id, k -> START.plusWeeks(STAYS.size() + 1));
        return HospitalSettlementSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setSettlementId(id)
                .setDistrict(DISTRICT)
                .setHospital("衢州市人民医院")
                .setHospitalGrade(null)
                .setIdNumber(idNumber)
                .setAdmissionDate(admitted)
                .setDischargeDate(admitted.plusDays(5))
                .setHospitalDays(null)
                .setCause("ILLNESS")
                .setTotal(patientShare.multiply(new BigDecimal("3")).setScale(2))
                .setPooledFundPaid(patientShare.multiply(new BigDecimal("2")).setScale(2))
                .setCoPay(patientShare)
                .setDeductible(null)
                .setSelfFunded(new BigDecimal("0.00"))
                .build();
    }

    static HospitalSettlementReversed reversal(String id, String district) {
        return HospitalSettlementReversed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setSettlementId(id)
                .setDistrict(district)
                .setReason("基本医保退费")
                .build();
    }

    void submit(SpecificRecord record, String office) throws Exception {
        Object id = record.get(record.getSchema().getField("settlementId").pos());
        send(id.toString(), EventCodec.contracts().encode(record), office);
    }

    /** Sends the record as the district's office does: its token and a proof signed with its key for this record. */
    void send(String key, byte[] value, String office) throws Exception {
        ProducerRecord<String, byte[]> sent = new ProducerRecord<>(Topics.REGIONAL_HOSPITAL_SETTLEMENTS, key, value);
        LocalStack.shared()
                .tokens()
                .officeHeaders(office, Topics.REGIONAL_HOSPITAL_SETTLEMENTS, key, value)
                .forEach((name, header) -> sent.headers().add(name, header));
        producer.send(sent).get();
    }

    /** The answers to this settlement on the office's own topic. */
    static List<HospitalSettlementAnswered> answers(String office, String settlementId, int expected) {
        return TopicRecords.read(
                        Topics.regionalSettlementResults(LocalTokenIssuer.officeId(office)),
                        a -> settlementId.equals(TopicRecords.field(a, "settlementId")),
                        expected)
                .stream()
                .map(HospitalSettlementAnswered.class::cast)
                .toList();
    }

    static List<SpecificRecord> decisionsOf(String claimId, int expected) {
        return TopicRecords.read(
                Topics.CLAIMS, decision -> claimId.equals(TopicRecords.field(decision, "claimId")), expected);
    }

    int eventsOf(String claimId) {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, claimId);
    }
}
