package cn.huzhu.kafka;

import cn.huzhu.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Re-applies a topic's dead letters through the listener that dead-lettered them, once the cause is mended (a plan
 * published, a member registered, a bug fixed). Only the records this service's listener dead-lettered are applied (the
 * dead-letter topic is shared by every consumer of the topic); they are applied in their order, in the listener's own
 * batches, so the listener's idempotence makes a replay safe to repeat. Progress is kept as the committed offsets of a
 * group of its own: a replay starts after the last record replayed. A record that fails again for its own sake is
 * reported and passed over; PostgreSQL or Kafka out of reach stops the replay at that record, for the next one.
 */
public final class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    /** The listener of one topic: its consumer group (as the dead letters name it) and what it does with a poll. */
    public record Listener(String group, Consumer<List<ConsumerRecord<String, byte[]>>> apply) {

        /** A listener of one record at a time. */
        public static Listener perRecord(String group, Consumer<ConsumerRecord<String, byte[]>> apply) {
            return new Listener(group, records -> {
                for (int i = 0; i < records.size(); i++) {
                    try {
                        apply.accept(records.get(i));
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException("Dead letter not applied", e, i);
                    }
                }
            });
        }
    }

    /**
     * What a replay did: dead letters applied; those of other consumers passed over; those that failed again for their own
     * sake (they stay in the dead-letter topic, passed over); and, when PostgreSQL or Kafka could not be reached, where it
     * stopped and why (null when it reached the end).
     */
    public record Result(String topic, int replayed, int otherConsumers, List<String> stillFailing, String stoppedAt, String failure) {
    }

    private final Map<String, Listener> listeners;
    private final Map<String, Object> consumerConfig;
    private final String service;

    /**
     * @param consumerConfig the service's Kafka consumer settings (bootstrap servers, security)
     * @param listeners      by the topic they read
     */
    public DeadLetterReplay(String service, Map<String, Object> consumerConfig, Map<String, Listener> listeners) {
        this.service = service;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.listeners = Map.copyOf(listeners);
    }

    /** The topics whose dead letters this service can replay. */
    public Set<String> topics() {
        return listeners.keySet();
    }

    /** Replays the dead letters of {@code topic}; one replay at a time per service instance. */
    public synchronized Result replay(String topic) {
        Listener listener = listeners.get(topic);
        if (listener == null) {
            throw new IllegalArgumentException("No dead letters of " + topic + " are replayed here; topics: " + topics());
        }
        String deadLetters = Topics.deadLetter(topic);
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, service + "-dead-letter-replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Tally tally = new Tally();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(deadLetters, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            consumer.pause(partitions);
            for (TopicPartition partition : partitions) {
                long last = end.get(partition);
                consumer.resume(List.of(partition));
                while (consumer.position(partition, Duration.ofSeconds(30)) < last) {
                    List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(consumer.poll(Duration.ofSeconds(1)).records(partition));
                    polled.removeIf(r -> r.offset() >= last);
                    if (polled.isEmpty()) {
                        continue;
                    }
                    Long stopped = apply(listener, topic, polled, tally);
                    commit(consumer, partition, stopped != null ? stopped : polled.get(polled.size() - 1).offset() + 1);
                    if (stopped != null) {
                        return tally.result(topic, deadLetters + "-" + partition.partition() + "@" + stopped);
                    }
                }
                consumer.pause(List.of(partition));
            }
        }
        log.info("Dead-letter replay of {}: {} applied, {} failed again, {} of other consumers passed over", topic, tally.replayed,
                tally.stillFailing.size(), tally.others);
        return tally.result(topic, null);
    }

    /** What a replay has done so far. */
    private static final class Tally {
        int replayed;
        int others;
        final List<String> stillFailing = new ArrayList<>();
        String failure;

        Result result(String topic, String stoppedAt) {
            return new Result(topic, replayed, others, List.copyOf(stillFailing), stoppedAt, failure);
        }
    }

    /**
     * Applies this listener's records of a poll; a record that fails for its own sake is noted and passed over (it stays in
     * the dead-letter topic), the rest applied. Answers the dead-letter offset to stop at when PostgreSQL or Kafka cannot
     * be reached (that record and the ones after it are replayed next time), null when the poll is done.
     */
    private static Long apply(Listener listener, String topic, List<ConsumerRecord<String, byte[]>> polled, Tally tally) {
        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : polled) {
            if (listener.group().equals(originalGroup(record))) {
                ours.add(asOriginal(record, topic));
                offsets.add(record.offset());
            } else {
                tally.others++;
            }
        }
        int from = 0;
        while (from < ours.size()) {
            try {
                listener.apply().accept(ours.subList(from, ours.size()));
                tally.replayed += ours.size() - from;
                return null;
            } catch (RuntimeException failed) {
                int index = failed instanceof BatchListenerFailedException b && b.getIndex() >= 0 ? b.getIndex() : 0;
                tally.replayed += index;
                long at = offsets.get(from + index);
                Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
                if (InfrastructureFaults.isInfrastructureDown(failed)) {
                    tally.failure = cause.toString();
                    log.warn("Dead-letter replay of {} stopped at offset {}: {}", topic, at, cause.toString());
                    return at;
                }
                tally.stillFailing.add("offset " + at + ": " + cause);
                from += index + 1;
            }
        }
        return null;
    }

    private static void commit(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long next) {
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
    }

    private static String originalGroup(ConsumerRecord<String, byte[]> record) {
        Header group = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        return group == null ? null : new String(group.value(), StandardCharsets.UTF_8);
    }

    /** The dead letter as the listener first saw it: its original topic, partition and offset, same key, value and headers. */
    private static ConsumerRecord<String, byte[]> asOriginal(ConsumerRecord<String, byte[]> record, String topic) {
        return new ConsumerRecord<>(topic, intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, record.partition()),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, record.offset()), record.timestamp(), record.timestampType(),
                record.serializedKeySize(), record.serializedValueSize(), record.key(), record.value(), record.headers(), record.leaderEpoch());
    }

    private static int intHeader(ConsumerRecord<String, byte[]> record, String name, int otherwise) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value().length != 4 ? otherwise : java.nio.ByteBuffer.wrap(h.value()).getInt();
    }

    private static long longHeader(ConsumerRecord<String, byte[]> record, String name, long otherwise) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value().length != 8 ? otherwise : java.nio.ByteBuffer.wrap(h.value()).getLong();
    }
}
