package cn.huzhu.claims;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.localstack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of contract records from its beginning, as a consumer of the platform would. */
public final class TopicRecords {

    private TopicRecords() {}

    /**
     * The records of {@code topic} that {@code wanted} selects, read until {@code expected} of them arrived and two more
     * seconds passed (so a record too many is seen), or a minute passed.
     */
    public static List<SpecificRecord> read(String topic, Predicate<SpecificRecord> wanted, int expected) {
        List<SpecificRecord> found = new ArrayList<>();
        consume(
                topic,
                record -> {
                    SpecificRecord decoded = EventCodec.contracts().decode(record.value());
                    if (wanted.test(decoded)) {
                        found.add(decoded);
                    }
                    return found.size();
                },
                expected);
        return found;
    }

    /** The keys of the records of {@code topic} keyed {@code key}, whatever their value (dead letters included). */
    public static List<String> keys(String topic, String key, int expected) {
        List<String> found = new ArrayList<>();
        consume(
                topic,
                record -> {
                    if (key.equals(record.key())) {
                        found.add(record.key());
                    }
                    return found.size();
                },
                expected);
        return found;
    }

    /** Feeds every record of the topic to {@code collect}, which answers how many it kept, until the reading may stop. */
    private static void consume(String topic, Function<ConsumerRecord<String, byte[]>, Integer> collect, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("group.id", "claims-it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietUntil = Long.MAX_VALUE;
            long deadline = System.currentTimeMillis() + 60_000;
            int kept = 0;
            while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    kept = collect.apply(record);
                }
                if (kept >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.currentTimeMillis() + 2_000;
                }
            }
        }
    }

    /** The value of a record's field as text (null when absent or null). */
    public static String field(SpecificRecord record, String name) {
        var field = record.getSchema().getField(name);
        Object value = field == null ? null : record.get(field.pos());
        return value == null ? null : value.toString();
    }
}
