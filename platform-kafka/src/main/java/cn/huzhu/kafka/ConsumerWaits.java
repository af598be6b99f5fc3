package cn.huzhu.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The consumers' waits for PostgreSQL or Kafka: a record that failed because they could not be reached is retried with
 * backoff until they answer, and meanwhile the service's health says so (OUT_OF_SERVICE, with the topic and the cause),
 * for as long as retries keep failing (a retry comes at least every 30 s) and a minute after.
 */
public final class ConsumerWaits implements HealthIndicator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsumerWaits.class);

    /** How long a failed retry keeps the health out of service. */
    static final Duration SHOWN_FOR = Duration.ofMinutes(1);

    private record Wait(Instant since, Instant last, String topic, String cause, long retries) {}

    private final AtomicReference<Wait> current = new AtomicReference<>();
    private final Clock clock;

    public ConsumerWaits(Clock clock) {
        this.clock = clock;
    }

    public ConsumerWaits() {
        this(Clock.systemUTC());
    }

    /** A record of the topic could not be applied because the infrastructure could not be reached; it will be retried. */
    void waiting(String topic, Throwable cause) {
        Instant now = clock.instant();
        String reason = rootCause(cause);
        Wait wait =
                current.updateAndGet(w -> w == null || w.last().plus(SHOWN_FOR).isBefore(now)
                        ? new Wait(now, now, topic, reason, 1)
                        : new Wait(w.since(), now, topic, reason, w.retries() + 1));
        if (wait.retries() == 1) {
            log.warn(
                    "Consumers wait for PostgreSQL or Kafka (a record of {} could not be applied: {}); retrying until they answer",
                    topic,
                    reason);
        }
    }

    /** Whether a consumer is waiting now (a failed retry within the last minute). */
    public boolean isWaiting() {
        Wait w = current.get();
        return w != null && !w.last().plus(SHOWN_FOR).isBefore(clock.instant());
    }

    @Override
    public Health health() {
        Wait w = current.get();
        if (!isWaiting()) {
            return Health.up().build();
        }
        return Health.status(Status.OUT_OF_SERVICE)
                .withDetail("waitingSince", w.since().toString())
                .withDetail("lastRetry", w.last().toString())
                .withDetail("topic", w.topic())
                .withDetail("cause", w.cause())
                .withDetail("retries", w.retries())
                .build();
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
