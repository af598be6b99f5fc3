package cn.huzhu.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers a share of the records the services publish a second time, byte for byte with key and headers, as a producer
 * retry or a consumer's lost commit would: reads the topics from their end as they grow and sends each chosen record
 * again to its topic (same key, so same partition, after the original).
 */
final class Redeliveries implements AutoCloseable {

    private final String bootstrap;
    private final List<String> topics;
    private final double share;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong sentAgain = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    Redeliveries(String bootstrap, List<String> topics, double share) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.share = share;
        this.thread = new Thread(this::run, "redeliveries");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    long seen() {
        return seen.get();
    }

    long sentAgain() {
        return sentAgain.get();
    }

    private void run() {
        Random random = new Random(42);
        Map<String, Object> consumerProps = Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "drill-redeliveries-" + UUID.randomUUID(),
                "auto.offset.reset",
                "latest",
                "enable.auto.commit",
                "true");
        try (KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                "bootstrap.servers",
                                bootstrap,
                                "acks",
                                "all",
                                "enable.idempotence",
                                "true",
                                "delivery.timeout.ms",
                                300_000),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            consumer.subscribe(topics);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.incrementAndGet();
                    if (random.nextDouble() < share) {
                        producer.send(
                                new ProducerRecord<>(
                                        record.topic(), null, record.key(), record.value(), record.headers()),
                                (metadata, e) -> {
                                    if (e == null) {
                                        sentAgain.incrementAndGet();
                                    }
                                });
                    }
                }
            }
            producer.flush();
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            // closed
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }
}
