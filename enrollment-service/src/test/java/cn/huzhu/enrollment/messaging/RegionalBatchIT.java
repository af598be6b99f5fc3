package cn.huzhu.enrollment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.regional.BatchRow;
import cn.huzhu.contracts.regional.EnrollmentBatchProcessed;
import cn.huzhu.contracts.regional.EnrollmentBatchSubmitted;
import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.identity.IdNumbers;
import cn.huzhu.enrollment.command.RegisterUnitCommand;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.localstack.LocalStack;
import java.util.Base64;
import cn.huzhu.localstack.LocalTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

/** District offices sending enrolment batches over real Kafka, processed into real PostgreSQL. */
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
        commands.sendAndWait(new RegisterUnitCommand(yinzhouUnit, "鄞州单位", "鄞州", UnitNature.PUBLIC, 300));
        commands.sendAndWait(new RegisterUnitCommand(jiangbeiUnit, "江北单位", "江北", UnitNature.PUBLIC, 300));
    }

    static BatchRow row(int no, String idNumber, String unitId, String planId, int shares) {
        return BatchRow.newBuilder().setRowNo(no).setIdNumber(idNumber).setName("会员" + no).setPhone(null).setUnitId(unitId)
                .setCategory("IN_SERVICE").setServiceCard(true).setRealNameVerified(true).setPlanId(planId).setShares(shares)
                .setTermYears(null).setEffectiveDate(LocalDate.of(2020, 4, 1)).build();
    }

    static EnrollmentBatchSubmitted batch(String batchId, String district, List<BatchRow> rows) {
        return EnrollmentBatchSubmitted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setBatchId(batchId)
                .setDistrict(district).setRows(rows).build();
    }

    static void send(String key, byte[] value, String office) {
        sendSigned(key, value, office == null ? null : LocalStack.shared().tokens().office(office));
    }

    /** Sends the record with this signed office identity (none when null). */
    static void sendSigned(String key, byte[] value, String officeToken) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REGIONAL_ENROLLMENT_BATCHES, key, value);
            if (officeToken != null) {
                record.headers().add(Topics.OFFICE_IDENTITY_HEADER, officeToken.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<EnrollmentBatchProcessed> answers(String batchId, int expected) {
        return readAll(Topics.REGIONAL_ENROLLMENT_RESULTS, batchId, expected).stream()
                .map(r -> (EnrollmentBatchProcessed) EventCodec.contracts().decode(r.value())).toList();
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic, String key, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("group.id", "regional-it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
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
        byte[] record = EventCodec.contracts().encode(batch(batchId, "鄞州", List.of(
                row(1, valid, yinzhouUnit, "ningbo-2020-inservice-hospital", 1),
                row(2, badCheck, yinzhouUnit, "ningbo-2020-inservice-hospital", 1),
                row(3, IdNumbers.male(302), jiangbeiUnit, "ningbo-2020-inservice-hospital", 1),
                row(4, IdNumbers.male(303), yinzhouUnit, "ningbo-2020-special-disease", 5))));

        send(batchId, record, "鄞州");
        EnrollmentBatchProcessed first = answers(batchId, 1).get(0);
        long afterFirst = events();
        send(batchId, record, "鄞州");
        List<EnrollmentBatchProcessed> both = answers(batchId, 2);

        assertThat(first.getStatus()).isEqualTo("PROCESSED");
        assertThat(first.getAccepted()).isEqualTo(1);
        assertThat(first.getRows()).extracting(r -> r.getStatus() + (r.getCode() == null ? "" : ":" + r.getCode()))
                .containsExactly("ACCEPTED", "REJECTED:INVALID_ID_NUMBER", "REJECTED:UNIT_NOT_IN_DISTRICT", "REJECTED:TOO_MANY_SHARES");
        assertThat(first.getRows().get(0).getEnrollmentId()).isNotNull();
        assertThat(first.getRows().get(3).getMemberId()).as("the member is registered even when the enrolment is refused").isNotNull();
        assertThat(first.toString()).doesNotContain(badCheck);
        assertThat(both.get(1)).as("the same answer again").isEqualTo(first);
        assertThat(events()).as("no second effect").isEqualTo(afterFirst);
    }

    @Test
    void shouldRefuseABatchFromAnotherDistrictsOfficeAndChangeNothing() {
        String batchId = "jb-" + UUID.randomUUID();
        long before = events();

        send(batchId, EventCodec.contracts().encode(batch(batchId, "鄞州", List.of(row(1, IdNumbers.male(311), yinzhouUnit, "shaoxing-hospital", 1)))), "江北");

        EnrollmentBatchProcessed answer = answers(batchId, 1).get(0);
        assertThat(answer.getStatus()).isEqualTo("REJECTED");
        assertThat(answer.getReason()).startsWith("OFFICE_NOT_ALLOWED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldRefuseABatchWithoutAValidOfficeIdentityAndChangeNothing() {
        LocalTokenIssuer tokens = LocalStack.shared().tokens();
        LocalTokenIssuer.User yinzhouOffice = new LocalTokenIssuer.User("office-鄞州", List.of("REGIONAL_OFFICE"), null, null, "鄞州");
        String validToken = tokens.office("鄞州");
        int dot = validToken.indexOf('.') + 1;
        Map<String, String> senders = new java.util.LinkedHashMap<>();
        senders.put("none", null);
        senders.put("forged", tokens.sign(LocalTokenIssuer.newKey(), yinzhouOffice, Instant.now(), Duration.ofHours(1)));
        senders.put("expired", tokens.sign(tokens.key(), yinzhouOffice, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)));
        senders.put("tampered", validToken.substring(0, dot) + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(validToken.substring(dot, validToken.indexOf('.', dot))), StandardCharsets.UTF_8)
                        .replace("鄞州", "江北").getBytes(StandardCharsets.UTF_8)) + validToken.substring(validToken.indexOf('.', dot)));
        senders.put("not an office", tokens.token("clerk", "UNIT_CLERK", null, yinzhouUnit, "鄞州"));
        long before = events();
        for (Map.Entry<String, String> sender : senders.entrySet()) {
            String batchId = "unsigned-" + UUID.randomUUID();
            sendSigned(batchId, EventCodec.contracts().encode(batch(batchId, "鄞州", List.of(row(1, IdNumbers.male(321), yinzhouUnit,
                    "ningbo-2020-inservice-hospital", 1)))), sender.getValue());

            EnrollmentBatchProcessed answer = answers(batchId, 1).get(0);
            assertThat(answer.getStatus()).as(sender.getKey()).isEqualTo("REJECTED");
            assertThat(answer.getReason()).as(sender.getKey()).startsWith("OFFICE_NOT_ALLOWED");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldDeadLetterAnUnreadableBatchAndTellTheOfficeUnderItsBatchId() {
        String batchId = "poison-" + UUID.randomUUID();
        byte[] garbage = "rows: 1, 2, 3".getBytes(StandardCharsets.UTF_8);

        send(batchId, garbage, "鄞州");

        EnrollmentBatchProcessed answer = answers(batchId, 1).get(0);
        assertThat(answer.getStatus()).isEqualTo("REJECTED");
        assertThat(answer.getReason()).startsWith("UNDECODABLE");
        assertThat(readAll(Topics.deadLetter(Topics.REGIONAL_ENROLLMENT_BATCHES), batchId, 1).get(0).value()).isEqualTo(garbage);
    }
}
