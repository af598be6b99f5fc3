package cn.huzhu.kafka;

import cn.huzhu.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * published, a member registered, a bug fixed). Only the records this service's listeners dead-lettered are applied (the
 * dead-letter topic is shared by every consumer of the topic), each by the listener of the consumer group it names; they
 * are applied in their order, in the listener's own batches, so the listeners' idempotence makes a replay safe to repeat.
 * Progress is kept as the committed offsets of a group of its own: a replay starts after the last record replayed. A
 * record that fails again for its own sake is reported and passed over; PostgreSQL or Kafka out of reach stops the replay
 * at that record, for the next one.
 */
public final class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    /** What a listener of one record at a time does with it. */
    @FunctionalInterface
    public interface RecordHandler {
        void on(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    /** A listener of one topic: its consumer group (as the dead letters name it) and what it does with a poll. */
    public record Listener(String topic, String group, Consumer<List<ConsumerRecord<String, byte[]>>> apply) {

        /** A listener of a poll at a time; it names a record it could not apply by a {@link BatchListenerFailedException}. */
        public static Listener batch(String topic, String group, Consumer<List<ConsumerRecord<String, byte[]>>> apply) {
            return new Listener(topic, group, apply);
        }

        /** A listener of one record at a time. */
        public static Listener perRecord(String topic, String group, RecordHandler handler) {
            return new Listener(topic, group, records -> {
                for (int i = 0; i < records.size(); i++) {
                    try {
                        handler.on(records.get(i));
                    } catch (Exception e) {
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
    public record Result(
            String topic,
            int replayed,
            int otherConsumers,
            List<String> stillFailing,
            String stoppedAt,
            String failure) {}

    /** By topic, this service's listeners of it by their consumer group. */
    private final Map<String, Map<String, Listener>> listeners;

    private final Map<String, Object> consumerConfig;
    private final String service;

    /** @param consumerConfig the service's Kafka consumer settings (bootstrap servers, security) */
    public DeadLetterReplay(String service, Map<String, Object> consumerConfig, List<Listener> listeners) {
        this.service = service;
        this.consumerConfig = Map.copyOf(consumerConfig);
        Map<String, Map<String, Listener>> byTopic = new TreeMap<>();
        for (Listener listener : listeners) {
            if (byTopic.computeIfAbsent(listener.topic(), t -> new HashMap<>()).put(listener.group(), listener)
                    != null) {
                throw new IllegalArgumentException(
                        "Two listeners of " + listener.topic() + " in group " + listener.group());
            }
        }
        byTopic.replaceAll((topic, groups) -> Map.copyOf(groups));
        this.listeners = Collections.unmodifiableMap(byTopic);
    }

    /** The topics whose dead letters this service can replay. */
    public Set<String> topics() {
        return listeners.keySet();
    }

    /** Replays the dead letters of {@code topic}; one replay at a time per service instance. */
    public synchronized Result replay(String topic) {
        Map<String, Listener> byGroup = listeners.get(topic);
        if (byGroup == null) {
            throw new IllegalArgumentException(
                    "No dead letters of " + topic + " are replayed here; topics: " + topics());
        }
        String deadLetters = Topics.deadLetter(topic);
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, service + "-dead-letter-replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Tally tally = new Tally();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(deadLetters, p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> committed =
                    consumer.committed(Set.copyOf(partitions), Duration.ofSeconds(30));
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
                    List<ConsumerRecord<String, byte[]>> polled =
                            new ArrayList<>(consumer.poll(Duration.ofSeconds(1)).records(partition));
                    polled.removeIf(r -> r.offset() >= last);
                    if (polled.isEmpty()) {
                        continue;
                    }
                    Long stopped = apply(byGroup, topic, polled, tally);
                    commit(
                            consumer,
                            partition,
                            stopped != null
                                    ? stopped
                                    : polled.get(polled.size() - 1).offset() + 1);
                    if (stopped != null) {
                        return tally.result(topic, deadLetters + "-" + partition.partition() + "@" + stopped);
                    }
                }
                consumer.pause(List.of(partition));
            }
        }
        log.info(
                "Dead-letter replay of {}: {} applied, {} failed again, {} of other consumers passed over",
                topic,
                tally.replayed,
                tally.stillFailing.size(),
                tally.others);
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
     * Applies the records of a poll that this service's listeners dead-lettered, each run of one group's records by its
     * listener; a record that fails for its own sake is noted and passed over (it stays in the dead-letter topic). Answers
     * the dead-letter offset to stop at when PostgreSQL or Kafka cannot be reached (that record and the ones after it are
     * replayed next time), null when the poll is done.
     */
    private static Long apply(
            Map<String, Listener> byGroup, String topic, List<ConsumerRecord<String, byte[]>> polled, Tally tally) {
        int next = 0;
        while (next < polled.size()) {
            String group = originalGroup(polled.get(next));
            Listener listener = group == null ? null : byGroup.get(group);
            if (listener == null) {
                tally.others++;
                next++;
                continue;
            }
            List<ConsumerRecord<String, byte[]>> run = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            while (next < polled.size() && group.equals(originalGroup(polled.get(next)))) {
                run.add(asOriginal(polled.get(next), topic));
                offsets.add(polled.get(next).offset());
                next++;
            }
            Long stopped = applyRun(listener, topic, run, offsets, tally);
            if (stopped != null) {
                return stopped;
            }
        }
        return null;
    }

    /** Applies one listener's consecutive dead letters; see {@link #apply}. */
    private static Long applyRun(
            Listener listener,
            String topic,
            List<ConsumerRecord<String, byte[]>> ours,
            List<Long> offsets,
            Tally tally) {
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
        return new ConsumerRecord<>(
                topic,
                intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, record.partition()),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, record.offset()),
                record.timestamp(),
                record.timestampType(),
                record.serializedKeySize(),
                record.serializedValueSize(),
                record.key(),
                record.value(),
                record.headers(),
                record.leaderEpoch());
    }

    private static int intHeader(ConsumerRecord<String, byte[]> record, String name, int otherwise) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value().length != 4
                ? otherwise
                : java.nio.ByteBuffer.wrap(h.value()).getInt();
    }

    private static long longHeader(ConsumerRecord<String, byte[]> record, String name, long otherwise) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value().length != 8
                ? otherwise
                : java.nio.ByteBuffer.wrap(h.value()).getLong();
    }
}
