package cn.huzhu.enrollment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.regional.BatchRow;
import cn.huzhu.contracts.regional.EnrollmentBatchProcessed;
import cn.huzhu.contracts.regional.EnrollmentBatchSubmitted;
import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.enrollment.command.unit.RegisterUnitCommand;
import cn.huzhu.identity.IdNumbers;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import cn.huzhu.vocabulary.UnitId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** District offices sending enrolment batches over real Kafka, processed into real PostgreSQL. */
@DirtiesContext
@SpringBootTest
class RegionalBatchIT extends IntegrationTestSupport {

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    String yinzhouUnit;
    String jiangbeiUnit;

    @BeforeEach
    void units() {
        yinzhouUnit = UUID.randomUUID().toString();
        jiangbeiUnit = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterUnitCommand(new UnitId(yinzhouUnit), "鄞州单位", "鄞州", UnitNature.PUBLIC, 300));
        commands.sendAndWait(new RegisterUnitCommand(new UnitId(jiangbeiUnit), "江北单位", "江北", UnitNature.PUBLIC, 300));
    }

    static BatchRow row(int no, String idNumber, String unitId, String planId, int shares) {
        return BatchRow.newBuilder()
                .setRowNo(no)
                .setIdNumber(idNumber)
                .setName("会员" + no)
                .setPhone(null)
                .setUnitId(unitId)
                .setCategory("IN_SERVICE")
                .setServiceCard(true)
                .setRealNameVerified(true)
                .setPlanId(planId)
                .setShares(shares)
                .setTermYears(null)
                .setEffectiveDate(LocalDate.of(2020, 4, 1))
                .build();
    }

    static EnrollmentBatchSubmitted batch(String batchId, String district, List<BatchRow> rows) {
        return EnrollmentBatchSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setBatchId(batchId)
                .setDistrict(district)
                .setRows(rows)
                .build();
    }

    /** Sends the record as the district's office does: its token and a proof signed with its key for this record. */
    static void send(String key, byte[] value, String office) {
        sendWith(
                key,
                value,
                LocalStack.shared().tokens().officeHeaders(office, Topics.REGIONAL_ENROLLMENT_BATCHES, key, value));
    }

    /** Sends the record with these headers. */
    static void sendWith(String key, byte[] value, Map<String, byte[]> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Topics.REGIONAL_ENROLLMENT_BATCHES, key, value);
            headers.forEach((name, header) -> record.headers().add(name, header));
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The answers on the office's own topic to this batch. */
    static List<EnrollmentBatchProcessed> answers(String office, String batchId, int expected) {
        return readAll(Topics.regionalEnrollmentResults(LocalTokenIssuer.officeId(office)), batchId, expected).stream()
                .map(r -> (EnrollmentBatchProcessed) EventCodec.contracts().decode(r.value()))
                .toList();
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic, String key, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("group.id", "regional-it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    @Test
    void shouldAnswerEveryRowAndAnswerARepeatedBatchWithoutASecondEffect() {
        String batchId = "yz-" + UUID.randomUUID();
        String valid = IdNumbers.male(301);
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        byte[] record = EventCodec.contracts()
                .encode(batch(
                        batchId,
                        "鄞州",
                        List.of(
                                row(1, valid, yinzhouUnit, "ningbo-2020-inservice-hospital", 1),
                                row(2, badCheck, yinzhouUnit, "ningbo-2020-inservice-hospital", 1),
                                row(3, IdNumbers.male(302), jiangbeiUnit, "ningbo-2020-inservice-hospital", 1),
                                row(4, IdNumbers.male(303), yinzhouUnit, "ningbo-2020-special-disease", 5))));

        send(batchId, record, "鄞州");
        EnrollmentBatchProcessed first = answers("鄞州", batchId, 1).get(0);
        long afterFirst = events();
        send(batchId, record, "鄞州");
        List<EnrollmentBatchProcessed> both = answers("鄞州", batchId, 2);

        assertThat(first.getStatus()).isEqualTo("PROCESSED");
        assertThat(first.getAccepted()).isEqualTo(1);
        assertThat(first.getRows())
                .extracting(r -> r.getStatus() + (r.getCode() == null ? "" : ":" + r.getCode()))
                .containsExactly(
                        "ACCEPTED",
                        "REJECTED:INVALID_ID_NUMBER",
                        "REJECTED:UNIT_NOT_IN_DISTRICT",
                        "REJECTED:TOO_MANY_SHARES");
        assertThat(first.getRows().get(0).getEnrollmentId()).isNotNull();
        assertThat(first.getRows().get(3).getMemberId())
                .as("the member is registered even when the enrolment is refused")
                .isNotNull();
        assertThat(first.toString()).doesNotContain(badCheck);
        assertThat(both.get(1)).as("the same answer again").isEqualTo(first);
        assertThat(events()).as("no second effect").isEqualTo(afterFirst);
    }

    @Test
    void shouldRefuseABatchFromAnotherDistrictsOfficeAndChangeNothing() {
        String batchId = "jb-" + UUID.randomUUID();
        long before = events();

        send(
                batchId,
                EventCodec.contracts()
                        .encode(batch(
                                batchId,
                                "鄞州",
                                List.of(row(1, IdNumbers.male(311), yinzhouUnit, "shaoxing-hospital", 1)))),
                "江北");

        EnrollmentBatchProcessed answer = answers("江北", batchId, 1).get(0);
        assertThat(answer.getStatus()).isEqualTo("REJECTED");
        assertThat(answer.getReason()).startsWith("OFFICE_NOT_ALLOWED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldDeadLetterABatchWhoseOfficeCannotBeVerifiedAndChangeNothing() {
        LocalTokenIssuer tokens = LocalStack.shared().tokens();
        LocalTokenIssuer.User yinzhouOffice =
                new LocalTokenIssuer.User("office-yinzhou", List.of("REGIONAL_OFFICE"), null, null, "鄞州");
        String validToken = tokens.office("鄞州");
        int dot = validToken.indexOf('.') + 1;
        String tampered = validToken.substring(0, dot)
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(
                                        Base64.getUrlDecoder()
                                                .decode(validToken.substring(dot, validToken.indexOf('.', dot))),
                                        StandardCharsets.UTF_8)
                                .replace("鄞州", "江北")
                                .getBytes(StandardCharsets.UTF_8))
                + validToken.substring(validToken.indexOf('.', dot));
        Map<String, java.util.function.BiFunction<String, byte[], Map<String, byte[]>>> senders =
                new java.util.LinkedHashMap<>();
        senders.put("no identity", (key, value) -> Map.of());
        senders.put(
                "a token without its proof", (key, value) -> Map.of(Topics.OFFICE_IDENTITY_HEADER, bytes(validToken)));
        senders.put(
                "forged token",
                (key, value) -> headers(
                        tokens.sign(LocalTokenIssuer.newKey(), yinzhouOffice, Instant.now(), Duration.ofHours(1)),
                        proof(tokens.officeKey("鄞州"), key, value, Instant.now())));
        senders.put(
                "expired token",
                (key, value) -> headers(
                        tokens.officeToken("鄞州", Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)),
                        proof(tokens.officeKey("鄞州"), key, value, Instant.now())));
        senders.put(
                "tampered token",
                (key, value) -> headers(tampered, proof(tokens.officeKey("鄞州"), key, value, Instant.now())));
        senders.put(
                "not an office",
                (key, value) -> headers(
                        tokens.token("clerk", "UNIT_CLERK", null, yinzhouUnit, "鄞州"),
                        proof(tokens.officeKey("鄞州"), key, value, Instant.now())));
        senders.put(
                "a proof of another record",
                (key, value) ->
                        headers(validToken, proof(tokens.officeKey("鄞州"), key, new byte[] {1, 2, 3}, Instant.now())));
        senders.put(
                "a proof signed with another key",
                (key, value) -> headers(validToken, proof(LocalTokenIssuer.newOfficeKey(), key, value, Instant.now())));
        senders.put(
                "a proof signed long before",
                (key, value) -> headers(
                        validToken,
                        proof(tokens.officeKey("鄞州"), key, value, Instant.now().minus(Duration.ofMinutes(20)))));
        long before = events();
        for (var sender : senders.entrySet()) {
            String batchId = "unverified-" + UUID.randomUUID();
            byte[] value = EventCodec.contracts()
                    .encode(batch(
                            batchId,
                            "鄞州",
                            List.of(row(1, IdNumbers.male(321), yinzhouUnit, "ningbo-2020-inservice-hospital", 1))));
            sendWith(batchId, value, sender.getValue().apply(batchId, value));

            assertThat(readAll(Topics.deadLetter(Topics.REGIONAL_ENROLLMENT_BATCHES), batchId, 1))
                    .as(sender.getKey())
                    .hasSize(1);
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldKeepEachOfficeToItsOwnDistrictsMembersAndItsOwnBatchIds() {
        String batchId = "shared-" + UUID.randomUUID();
        String ofJiangbei = IdNumbers.male(331);
        send(
                "jb-" + batchId,
                EventCodec.contracts()
                        .encode(batch(
                                "jb-" + batchId,
                                "江北",
                                List.of(row(1, ofJiangbei, jiangbeiUnit, "shaoxing-hospital", 1)))),
                "江北");
        assertThat(answers("江北", "jb-" + batchId, 1).get(0).getAccepted()).isEqualTo(1);

        send(
                batchId,
                EventCodec.contracts()
                        .encode(batch(batchId, "鄞州", List.of(row(1, ofJiangbei, yinzhouUnit, "shaoxing-hospital", 1)))),
                "鄞州");
        send(
                batchId,
                EventCodec.contracts()
                        .encode(batch(
                                batchId,
                                "江北",
                                List.of(row(1, IdNumbers.male(332), jiangbeiUnit, "shaoxing-hospital", 1)))),
                "江北");

        EnrollmentBatchProcessed yinzhou = answers("鄞州", batchId, 1).get(0);
        EnrollmentBatchProcessed jiangbei = answers("江北", batchId, 1).get(0);
        assertThat(yinzhou.getRows()).extracting(r -> r.getCode()).containsExactly("MEMBER_IN_OTHER_DISTRICT");
        assertThat(jiangbei.getDistrict())
                .as("the same batch id from another office is a batch of its own")
                .isEqualTo("江北");
        assertThat(jiangbei.getAccepted()).isEqualTo(1);
    }

    static Map<String, byte[]> headers(String token, String proof) {
        return Map.of(Topics.OFFICE_IDENTITY_HEADER, bytes(token), Topics.OFFICE_PROOF_HEADER, bytes(proof));
    }

    static String proof(com.nimbusds.jose.jwk.ECKey key, String recordKey, byte[] value, Instant signedAt) {
        return LocalTokenIssuer.officeProof(key, Topics.REGIONAL_ENROLLMENT_BATCHES, recordKey, value, signedAt);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeadLetterAnUnreadableBatchAndTellTheOfficeUnderItsBatchId() {
        String batchId = "poison-" + UUID.randomUUID();
        byte[] garbage = "rows: 1, 2, 3".getBytes(StandardCharsets.UTF_8);

        send(batchId, garbage, "鄞州");

        EnrollmentBatchProcessed answer = answers("鄞州", batchId, 1).get(0);
        assertThat(answer.getStatus()).isEqualTo("REJECTED");
        assertThat(answer.getReason()).startsWith("UNDECODABLE");
        assertThat(readAll(Topics.deadLetter(Topics.REGIONAL_ENROLLMENT_BATCHES), batchId, 1)
                        .get(0)
                        .value())
                .isEqualTo(garbage);
    }
}
