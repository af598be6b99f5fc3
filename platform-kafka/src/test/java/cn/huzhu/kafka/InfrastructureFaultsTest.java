package cn.huzhu.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.contracts.UndecodableRecordException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are waited out (PostgreSQL or Kafka out of reach) and which are the record's own. */
class InfrastructureFaultsTest {

    static PSQLException refused() {
        return new PSQLException(
                "Connection to 127.0.0.1:5432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new java.net.ConnectException("refused"));
    }

    @Test
    void aTransactionThatCannotBeginBecauseThePostgresIsDownIsWaitedOut() {
        Exception asTheListenerSeesIt = new ListenerExecutionFailedException(
                "listener failed",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", refused()));

        assertThat(InfrastructureFaults.isInfrastructureDown(asTheListenerSeesIt))
                .isTrue();
    }

    @Test
    void aServerShuttingDownIsWaitedOut() {
        PSQLException adminShutdown = new PSQLException(
                "terminating connection due to administrator command", PSQLState.valueOf("COMMUNICATION_ERROR"));
        assertThat(InfrastructureFaults.isInfrastructureDown(new RuntimeException(adminShutdown)))
                .isTrue();
        assertThat(InfrastructureFaults.isInfrastructureDown(
                        new RuntimeException(new java.sql.SQLException("shutdown", "57P01"))))
                .isTrue();
        assertThat(InfrastructureFaults.isInfrastructureDown(
                        new RuntimeException(new java.sql.SQLException("too many clients", "53300"))))
                .isTrue();
    }

    @Test
    void kafkaOutOfReachIsWaitedOut() {
        assertThat(InfrastructureFaults.isInfrastructureDown(new RuntimeException(
                        new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)"))))
                .isTrue();
    }

    @Test
    void aRecordThatCannotBeAppliedIsNot() {
        assertThat(InfrastructureFaults.isInfrastructureDown(new UndecodableRecordException("not Avro", null)))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureDown(new DataIntegrityViolationException(
                        "duplicate key", new java.sql.SQLException("duplicate key value", "23505"))))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureDown(
                        new IllegalArgumentException("A payout is a positive amount")))
                .isFalse();
    }

    @Test
    void theHealthSaysWhileAndAMinuteAfterAConsumerWaits() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T08:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ConsumerWaits waits = new ConsumerWaits(clock);
        assertThat(waits.health().getStatus().getCode()).isEqualTo("UP");

        waits.waiting("huzhu.claims.v1", new CannotCreateTransactionException("no connection", refused()));
        now.set(now.get().plusSeconds(30));
        waits.waiting("huzhu.claims.v1", new CannotCreateTransactionException("no connection", refused()));
        assertThat(waits.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
        assertThat(waits.health().getDetails())
                .containsEntry("topic", "huzhu.claims.v1")
                .containsEntry("retries", 2L)
                .containsEntry("waitingSince", "2026-12-05T08:00:00Z")
                .containsEntry("cause", "ConnectException");

        now.set(now.get().plus(ConsumerWaits.SHOWN_FOR).plus(Duration.ofSeconds(1)));
        assertThat(waits.health().getStatus().getCode()).isEqualTo("UP");
    }
}
