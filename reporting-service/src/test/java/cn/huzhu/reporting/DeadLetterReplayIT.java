package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.reporting.messaging.DistrictEnrollmentListener;
import cn.huzhu.reporting.query.DistrictEnrollmentQueries;
import cn.huzhu.reporting.query.DistrictEnrollmentReport;
import cn.huzhu.reporting.query.ProjectionTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Records the district table's listener dead-lettered (a member's registration and enrolment that could not be applied
 * when they came) are replayed by the scheme administrator once the cause is mended: counted once however often the replay
 * is asked for, another consumer's dead letter left alone, a poison record reported and passed over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterReplayIT extends OnLocalStack {

    static final int YEAR = 2071;
    static final String DISTRICT = "石浦";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DistrictEnrollmentQueries queries;

    @Test
    void deadLetteredEnrolmentsAreCountedOnceWhenReplayedAndOtherConsumersLettersAreLeft() throws Exception {
        String member = UUID.randomUUID().toString();
        String othersMember = UUID.randomUUID().toString();
        String ours = DistrictEnrollmentListener.ID;
        byte[] registration = EventCodec.contracts()
                .encode(DistrictEnrollmentReportingIT.registered(member, DISTRICT, true, LocalDate.of(YEAR, 1, 3)));
        byte[] enrolment = EventCodec.contracts().encode(collected(member));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            deadLetter(producer, member, registration, ours);
            deadLetter(producer, member, new byte[] {9, 9, 9}, ours);
            deadLetter(producer, member, enrolment, ours);
            deadLetter(
                    producer, othersMember, EventCodec.contracts().encode(collected(othersMember)), "claims-coverage");
        }
        String admin = LocalStack.shared().tokens().token("replay-admin", "SCHEME_ADMIN", null, null, null);
        String finance = LocalStack.shared().tokens().token("replay-finance", "FINANCE", null, null, null);

        HttpResponse<String> byFinance = replay(finance, Topics.MEMBERS);
        HttpResponse<String> notRead = replay(admin, "huzhu.nothing.v1");
        HttpResponse<String> first = replay(admin, Topics.MEMBERS);
        HttpResponse<String> second = replay(admin, Topics.MEMBERS);

        assertThat(byFinance.statusCode()).isEqualTo(403);
        assertThat(notRead.statusCode()).as(notRead.body()).isEqualTo(400);
        assertThat(notRead.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode replayed = JSON.readTree(first.body());
        assertThat(replayed.get("replayed").asInt()).as(first.body()).isGreaterThanOrEqualTo(2);
        assertThat(replayed.get("otherConsumers").asInt()).as(first.body()).isGreaterThanOrEqualTo(1);
        assertThat(replayed.get("stillFailing").toString())
                .as("the poison, reported and passed over")
                .contains("Undecodable");
        assertThat(replayed.get("stoppedAt").isNull()).isTrue();
        JsonNode again = JSON.readTree(second.body());
        assertThat(again.get("replayed").asInt()).as(second.body()).isZero();
        assertThat(again.get("stillFailing")).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(row())
                        .as("the member counted once, not the other consumer's")
                        .isNotNull()
                        .extracting(
                                DistrictEnrollmentReport.Row::inService,
                                DistrictEnrollmentReport.Row::total,
                                DistrictEnrollmentReport.Row::realNameMembers)
                        .containsExactly(1L, 1L, 1L));

        // a dead letter is a copy of a record of the topic, which the listener had read and failed on: met again there
        // (by a
        // rebuild, a reset), it is the event already applied and counts nothing more
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MEMBERS, member, registration))
                    .get();
            producer.send(new ProducerRecord<>(Topics.MEMBERS, member, enrolment))
                    .get();
        }
        ConsumerLag.awaitNone(DistrictEnrollmentListener.ID, List.of(Topics.MEMBERS));
        assertThat(row())
                .extracting(
                        DistrictEnrollmentReport.Row::inService,
                        DistrictEnrollmentReport.Row::total,
                        DistrictEnrollmentReport.Row::realNameMembers)
                .containsExactly(1L, 1L, 1L);
    }

    static MemberEnrolled collected(String member) {
        return MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                        member, DISTRICT, "IN_SERVICE", false, LocalDate.of(YEAR, 2, 1)))
                .setPremiumStatus("COLLECTED")
                .build();
    }

    DistrictEnrollmentReport.Row row() {
        return queries.districtEnrollment(YEAR, ProjectionTables.LIVE).rows().stream()
                .filter(r -> r.district().equals(DISTRICT))
                .findFirst()
                .orElse(null);
    }

    HttpResponse<String> replay(String token, String topic) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dead-letters/replay"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"" + topic + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** A record as the dead-letter recoverer leaves it: unchanged, with the consumer group that could not apply it. */
    static void deadLetter(KafkaProducer<String, byte[]> producer, String key, byte[] value, String group)
            throws Exception {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetter(Topics.MEMBERS), 0, key, value);
        letter.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.MEMBERS.getBytes(StandardCharsets.UTF_8));
        producer.send(letter).get();
    }
}
