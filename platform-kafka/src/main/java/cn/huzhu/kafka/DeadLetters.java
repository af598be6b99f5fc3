package cn.huzhu.kafka;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.contracts.UnverifiedRecordException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The platform's one policy for records a consumer cannot apply. */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {}

    /**
     * Bounded retries, then the dead-letter topic (same partition, the record unchanged). An undecodable record, or one
     * whose sender cannot be verified, is not retried. PostgreSQL or Kafka out of reach ({@link InfrastructureFaults}) is
     * waited for, without limit and with backoff up to 30 s: those records are not bad, and must not end up in the dead-letter
     * topic (an approval dead-lettered while the database was down would never be paid).
     *
     * @param template sends the record as it came (a template whose value serializer passes bytes through)
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, long retries, Duration interval) {
        return errorHandler(template, retries, interval, new ConsumerWaits());
    }

    /** As above, telling {@code waits} of every retry that waits for the infrastructure. */
    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, long retries, Duration interval, ConsumerWaits waits) {
        @SuppressWarnings("unchecked")
        KafkaOperations<Object, Object> raw = (KafkaOperations<Object, Object>) template;
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                raw, (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        ConsumerRecordRecoverer recoverer = unlessInfrastructureDown(publisher);
        DefaultErrorHandler handler =
                new DefaultErrorHandler(recoverer, new FixedBackOff(interval.toMillis(), retries));
        handler.addNotRetryableExceptions(UndecodableRecordException.class, UnverifiedRecordException.class);
        handler.setBackOffFunction((record, ex) -> InfrastructureFaults.isInfrastructureDown(ex) ? unlimited() : null);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                if (InfrastructureFaults.isInfrastructureDown(ex)) {
                    waits.waiting(record.topic(), ex);
                }
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
                if (InfrastructureFaults.isInfrastructureDown(ex) && !records.isEmpty()) {
                    waits.waiting(records.iterator().next().topic(), ex);
                }
            }
        });
        return handler;
    }

    /**
     * Dead-letters through {@code publisher} only a record whose last failure is its own. spring-kafka chooses a record's
     * back-off at its first failure: a record that first failed for another reason and then met an outage would spend its
     * few fixed retries on it. A record whose last failure is PostgreSQL or Kafka out of reach is refused here, and so is
     * polled again, until it applies or fails for a reason of its own.
     */
    static ConsumerRecordRecoverer unlessInfrastructureDown(ConsumerRecordRecoverer publisher) {
        return (record, ex) -> {
            if (InfrastructureFaults.isInfrastructureDown(ex)) {
                throw new IllegalStateException(
                        "Not dead-lettered: PostgreSQL or Kafka is out of reach; " + record.topic() + "-"
                                + record.partition() + "@" + record.offset() + " is tried again",
                        ex);
            }
            log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), ex.toString());
            publisher.accept(record, ex);
        };
    }

    private static ExponentialBackOff unlimited() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }
}
