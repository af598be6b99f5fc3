package cn.huzhu.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.contracts.Topics;
import cn.huzhu.localstack.LocalKafka;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The replay of dead letters against a real broker: only this service's groups are applied, each by its own listener, in
 * order and as the listener first saw them; a record that fails again for its own sake is passed over; an outage stops the
 * replay at its record, and the next replay starts there, so no dead letter is applied twice or lost.
 */
class DeadLetterReplayIT {

    private static final String GROUP = "claims-service-settlements";
    private static final String BATCH_GROUP = "claims-service-settlement-batches";
    private static final String OTHER_GROUP = "reporting-service-settlements";

    private static LocalKafka kafka;

    @BeforeAll
    static void broker() {
        kafka = LocalKafka.start(0, null);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void appliesThisServicesDeadLettersOnceInOrderAndResumesWhereAnOutageStoppedIt() throws Exception {
        String topic = "huzhu.test.replay-resume.v1";
        create(topic);
        send(
                topic,
                List.of(
                        letter("a", GROUP, 3, 100),
                        letter("broken", GROUP, 3, 101),
                        letter("b", GROUP, 1, 7),
                        letter("x", OTHER_GROUP, 3, 102),
                        letter("outage", GROUP, 3, 103),
                        letter("c", GROUP, 0, 55),
                        letter("unnamed", null, 0, 56)));
        List<ConsumerRecord<String, byte[]>> applied = new ArrayList<>();
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        DeadLetterReplay replay = new DeadLetterReplay(
                "claims-service",
                consumerConfig(),
                List.of(DeadLetterReplay.Listener.perRecord(topic, GROUP, record -> {
                    String value = text(record);
                    if (value.equals("broken")) {
                        throw new IllegalArgumentException("no enrolment covers the stay");
                    }
                    if (value.equals("outage") && databaseDown.get()) {
                        throw new CannotCreateTransactionException(
                                "Could not open JDBC Connection", new ConnectException("Connection refused"));
                    }
                    applied.add(record);
                })));

        DeadLetterReplay.Result first = replay.replay(topic);

        assertThat(first.replayed()).isEqualTo(2);
        assertThat(first.otherConsumers()).isEqualTo(1);
        assertThat(first.stillFailing())
                .singleElement()
                .asString()
                .startsWith("offset 1: ")
                .contains("no enrolment covers the stay");
        assertThat(first.stoppedAt()).isEqualTo(Topics.deadLetter(topic) + "-0@4");
        assertThat(first.failure()).contains("Could not open JDBC Connection");
        assertThat(applied).extracting(DeadLetterReplayIT::text).containsExactly("a", "b");
        ConsumerRecord<String, byte[]> a = applied.get(0);
        assertThat(a.topic()).as("seen as the listener first saw it").isEqualTo(topic);
        assertThat(a.partition()).isEqualTo(3);
        assertThat(a.offset()).isEqualTo(100);
        assertThat(a.key()).isEqualTo("key-a");

        databaseDown.set(false);
        DeadLetterReplay.Result second = replay.replay(topic);

        assertThat(second.replayed()).isEqualTo(2);
        assertThat(second.otherConsumers())
                .as("the record no consumer group names")
                .isEqualTo(1);
        assertThat(second.stillFailing()).isEmpty();
        assertThat(second.stoppedAt()).isNull();
        assertThat(second.failure()).isNull();
        assertThat(applied).extracting(DeadLetterReplayIT::text).containsExactly("a", "b", "outage", "c");

        DeadLetterReplay.Result third = replay.replay(topic);

        assertThat(third.replayed())
                .as("a replay starts after the last record replayed")
                .isZero();
        assertThat(third.otherConsumers()).isZero();
        assertThat(applied).hasSize(4);
    }

    @Test
    void aBatchListenerPassesOverTheRecordItNamesAndAppliesTheRest() throws Exception {
        String topic = "huzhu.test.replay-batch.v1";
        create(topic);
        send(
                topic,
                List.of(
                        letter("p", BATCH_GROUP, 0, 1),
                        letter("q", BATCH_GROUP, 0, 2),
                        letter("r", BATCH_GROUP, 0, 3),
                        letter("s", BATCH_GROUP, 0, 4)));
        List<String> applied = new ArrayList<>();
        DeadLetterReplay replay = new DeadLetterReplay(
                "claims-service",
                consumerConfig(),
                List.of(DeadLetterReplay.Listener.batch(topic, BATCH_GROUP, records -> {
                    for (int i = 0; i < records.size(); i++) {
                        if (text(records.get(i)).equals("q")) {
                            throw new BatchListenerFailedException(
                                    "plan version unknown", new IllegalStateException("plan v9 unknown"), i);
                        }
                        applied.add(text(records.get(i)));
                    }
                })));

        DeadLetterReplay.Result result = replay.replay(topic);

        assertThat(applied).containsExactly("p", "r", "s");
        assertThat(result.replayed()).isEqualTo(3);
        assertThat(result.stillFailing())
                .singleElement()
                .asString()
                .startsWith("offset 1: ")
                .contains("plan v9 unknown");
        assertThat(result.stoppedAt()).isNull();
    }

    @Test
    void aTopicWithoutAListenerHereAndTwoListenersOfOneGroupAreRefused() {
        DeadLetterReplay replay = new DeadLetterReplay(
                "claims-service",
                consumerConfig(),
                List.of(DeadLetterReplay.Listener.perRecord("huzhu.test.one.v1", GROUP, record -> {})));

        assertThat(replay.topics()).containsExactly("huzhu.test.one.v1");
        assertThatThrownBy(() -> replay.replay("huzhu.test.other.v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huzhu.test.one.v1");
        assertThatThrownBy(() -> new DeadLetterReplay(
                        "claims-service",
                        consumerConfig(),
                        List.of(
                                DeadLetterReplay.Listener.perRecord("huzhu.test.one.v1", GROUP, record -> {}),
                                DeadLetterReplay.Listener.perRecord("huzhu.test.one.v1", GROUP, record -> {}))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two listeners");
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    private static void create(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.deadLetter(topic), 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    /** A dead letter as spring-kafka's recoverer writes it: the original's key, value and where it came from. */
    private static ProducerRecord<String, byte[]> letter(String value, String group, int partition, long offset) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>("unused", "key-" + value, value.getBytes(StandardCharsets.UTF_8));
        if (group != null) {
            record.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        }
        record.headers()
                .add(
                        KafkaHeaders.DLT_ORIGINAL_PARTITION,
                        ByteBuffer.allocate(4).putInt(partition).array());
        record.headers()
                .add(
                        KafkaHeaders.DLT_ORIGINAL_OFFSET,
                        ByteBuffer.allocate(8).putLong(offset).array());
        return record;
    }

    private static void send(String topic, List<ProducerRecord<String, byte[]>> letters) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> letter : letters) {
                producer.send(new ProducerRecord<>(
                                Topics.deadLetter(topic), 0, letter.key(), letter.value(), letter.headers()))
                        .get();
            }
        }
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
