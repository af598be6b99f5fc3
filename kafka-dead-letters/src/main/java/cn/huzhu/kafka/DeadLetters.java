package cn.huzhu.kafka;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.contracts.UnverifiedRecordException;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The platform's one policy for records a consumer cannot apply. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * Bounded retries, then the dead-letter topic (same partition, the record unchanged). An undecodable record, or one
     * whose sender cannot be verified, is not retried. A database that is down is waited for, without limit: those records are not bad, and must
     * not end up in the dead-letter topic.
     *
     * @param template sends the record as it came (a template whose value serializer passes bytes through)
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, long retries, Duration interval) {
        @SuppressWarnings("unchecked")
        KafkaOperations<Object, Object> raw = (KafkaOperations<Object, Object>) template;
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(raw,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(interval.toMillis(), retries));
        handler.addNotRetryableExceptions(UndecodableRecordException.class, UnverifiedRecordException.class);
        handler.setBackOffFunction((record, ex) -> isInfrastructureDown(ex) ? unlimited() : null);
        return handler;
    }

    private static boolean isInfrastructureDown(Exception ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff unlimited() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }
}
