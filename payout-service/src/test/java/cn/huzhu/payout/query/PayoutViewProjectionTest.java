package cn.huzhu.payout.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.localstack.LocalPostgres;
import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.payout.PayoutRevokedEvent;
import cn.huzhu.payout.command.payout.PayoutScheduledEvent;
import cn.huzhu.payout.command.payout.TransferFailedEvent;
import cn.huzhu.payout.command.payout.TransferRequestedEvent;
import cn.huzhu.payout.command.payout.TransferSucceededEvent;
import cn.huzhu.payout.command.recovery.RecoveryOffsetEvent;
import cn.huzhu.payout.command.recovery.RecoveryOpenedEvent;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The payout view alone: a payout's events handed to the projection as its processor would, and read back through
 * {@link PayoutQueries}, in a real PostgreSQL with payout's migrations; no Axon, no Spring context.
 */
class PayoutViewProjectionTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Instant MORNING = Instant.parse("2026-03-02T01:00:00Z");

    private static LocalPostgres postgres;
    private static PayoutViewProjection projection;
    private static PayoutQueries queries;

    @BeforeAll
    static void database() {
        postgres = LocalPostgres.start(0, null, List.of("payout"));
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl("payout"), LocalPostgres.USER, LocalPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        projection = new PayoutViewProjection(jdbc);
        queries = new PayoutQueries(jdbc);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aPayoutRefusedOnceAndPaidOnTheSecondAttemptShowsBothTransfersAndIsSucceeded() {
        Ids ids = new Ids();
        projection.on(scheduled(ids, "2080.00"), MORNING);
        projection.on(requested(ids, "R-1", 1, MORNING.plusSeconds(60)));
        projection.on(
                new TransferFailedEvent(
                        ids.payout,
                        ids.claim,
                        ids.member,
                        "R-1",
                        ids.batch,
                        "越城区",
                        1,
                        "BANK_TIMEOUT",
                        MORNING.plusSeconds(3600),
                        new BigDecimal("2080.00"),
                        "6222 **** 0018"),
                MORNING.plusSeconds(120));

        PayoutQueries.PayoutRow waiting =
                queries.payout(UUID.fromString(ids.payout.value())).orElseThrow();
        assertThat(waiting.status()).isEqualTo("RETRY_WAIT");
        assertThat(waiting.failureReason()).isEqualTo("BANK_TIMEOUT");
        assertThat(waiting.nextAttemptAt()).isEqualTo(MORNING.plusSeconds(3600));

        projection.on(requested(ids, "R-2", 2, MORNING.plusSeconds(3600)));
        projection.on(
                new TransferSucceededEvent(
                        ids.payout,
                        ids.claim,
                        ids.member,
                        "R-2",
                        ids.batch,
                        "越城区",
                        new BigDecimal("2080.00"),
                        new BigDecimal("2080.00"),
                        "BT-77",
                        "6222 **** 0018",
                        DAY),
                MORNING.plusSeconds(3700));

        PayoutQueries.PayoutRow paid =
                queries.payout(UUID.fromString(ids.payout.value())).orElseThrow();
        assertThat(paid.status()).isEqualTo("SUCCEEDED");
        assertThat(paid.attempts()).isEqualTo(2);
        assertThat(paid.reference()).isEqualTo("R-2");
        assertThat(paid.transferred()).isEqualByComparingTo("2080.00");
        assertThat(paid.failureReason()).as("cleared by the next attempt").isNull();
        assertThat(paid.settledAt()).isEqualTo(MORNING.plusSeconds(3700));
        assertThat(queries.transfersOf(UUID.fromString(ids.payout.value())))
                .extracting(
                        PayoutQueries.TransferRow::reference,
                        PayoutQueries.TransferRow::status,
                        PayoutQueries.TransferRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("R-1", "FAILED", "BANK_TIMEOUT"),
                        org.assertj.core.groups.Tuple.tuple("R-2", "SUCCEEDED", null));
    }

    @Test
    void aRevokedPayoutAndItsRecoveryKeepTheMembersRunningSums() {
        Ids ids = new Ids();
        projection.on(scheduled(ids, "2080.00"), MORNING);
        projection.on(new PayoutRevokedEvent(
                ids.payout, ids.claim, ids.member, "FRAUD", new BigDecimal("2080.00"), DAY.plusDays(10)));
        projection.on(new RecoveryOpenedEvent(
                ids.member,
                ids.payout,
                ids.claim,
                new BigDecimal("2080.00"),
                new BigDecimal("2080.00"),
                DAY.plusDays(10)));
        PayoutId later = PayoutId.of(UUID.randomUUID());
        projection.on(new RecoveryOffsetEvent(
                ids.member, later, new BigDecimal("500.00"), new BigDecimal("1580.00"), DAY.plusDays(40)));

        PayoutQueries.PayoutRow revoked =
                queries.payout(UUID.fromString(ids.payout.value())).orElseThrow();
        assertThat(revoked.status()).isEqualTo("REVOKED");
        assertThat(revoked.revocationReason()).isEqualTo("FRAUD");
        assertThat(revoked.toRecover()).isEqualByComparingTo("2080.00");
        PayoutQueries.RecoveryAccount account =
                queries.recovery(UUID.fromString(ids.member.value())).orElseThrow();
        assertThat(account.opened()).isEqualByComparingTo("2080.00");
        assertThat(account.offset()).isEqualByComparingTo("500.00");
        assertThat(account.outstanding()).isEqualByComparingTo("1580.00");
        assertThat(account.entries())
                .extracting(PayoutQueries.RecoveryEntry::kind, e -> e.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OPENED", "2080.00"),
                        org.assertj.core.groups.Tuple.tuple("OFFSET", "500.00"));
    }

    /** One payout's ids. */
    static final class Ids {
        final PayoutId payout = PayoutId.of(UUID.randomUUID());
        final ClaimId claim = ClaimId.of(UUID.randomUUID());
        final MemberId member = MemberId.of(UUID.randomUUID());
        final EnrollmentId enrollment = EnrollmentId.of(UUID.randomUUID());
        final BatchId batch = BatchId.of(UUID.randomUUID());
    }

    static PayoutScheduledEvent scheduled(Ids ids, String amount) {
        return new PayoutScheduledEvent(
                ids.payout,
                ids.claim,
                ids.member,
                ids.enrollment,
                new PlanId("shaoxing-hospital"),
                "HOSPITALIZATION",
                new BigDecimal(amount),
                DAY.minusDays(1));
    }

    static TransferRequestedEvent requested(Ids ids, String reference, int attempt, Instant at) {
        return new TransferRequestedEvent(
                ids.payout,
                ids.claim,
                ids.member,
                reference,
                attempt,
                ids.batch,
                "越城区",
                DAY,
                new BigDecimal("2080.00"),
                BigDecimal.ZERO,
                "6222021234567890018",
                "6222 **** 0018",
                "hash-0018",
                "张三",
                "工商银行",
                at);
    }
}
