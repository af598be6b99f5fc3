package cn.huzhu.enrollment.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.member.FundingShare;
import cn.huzhu.enrollment.command.member.MemberEnrolledEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectedEvent;
import cn.huzhu.enrollment.command.member.PremiumCollectionFailedEvent;
import cn.huzhu.enrollment.command.member.PremiumStatus;
import cn.huzhu.localstack.LocalPostgres;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.Payer;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The member's enrolments as the portal reads them, kept by the member view projection: events handed to it as its
 * processor would and read back through its query handlers, in a real PostgreSQL with enrolment's migrations; no Axon,
 * no Spring context.
 */
class MemberViewProjectionTest {

    static final Actor FINANCE = Actor.of("finance-1", Actor.Capacity.FINANCE);

    private static LocalPostgres postgres;
    private static MemberViewProjection projection;

    @BeforeAll
    static void database() {
        postgres = LocalPostgres.start(0, null, List.of("enrollment"));
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl("enrollment"), LocalPostgres.USER, LocalPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).load().migrate();
        projection = new MemberViewProjection(
                new JdbcTemplate(dataSource),
                Clock.fixed(java.time.Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void anEnrolmentWaitsForItsPremiumShowsAFailedDeductionAndIsInForceOnceCollected() {
        String member = UUID.randomUUID().toString();
        MemberEnrolledEvent enrolled = enrolled(member, PremiumStatus.PENDING);
        projection.on(enrolled);
        projection.on(new PremiumCollectionFailedEvent(
                enrolled.enrollmentId(),
                new MemberId(member),
                "越城区",
                enrolled.planId(),
                CollectionMethod.BANK_DEDUCTION,
                "DK-1",
                "余额不足",
                LocalDate.of(2026, 1, 5),
                FINANCE));

        EnrollmentView waiting = only(member);
        assertThat(waiting.premiumStatus()).isEqualTo("PENDING");
        assertThat(waiting.collectionFailure()).isEqualTo("2026-01-05 余额不足");
        assertThat(waiting.fundingJson()).contains("\"payer\": \"PROVINCE\"").contains("\"amount\": \"75.00\"");

        projection.on(new PremiumCollectedEvent(
                enrolled.enrollmentId(),
                new MemberId(member),
                enrolled.unitId(),
                "越城区",
                enrolled.planId(),
                CollectionMethod.BANK_DEDUCTION,
                "DK-2",
                new BigDecimal("20.00"),
                LocalDate.of(2026, 1, 20),
                LocalDate.of(2026, 1, 20),
                LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 1, 20),
                FINANCE));

        EnrollmentView collected = only(member);
        assertThat(collected.premiumStatus()).isEqualTo("COLLECTED");
        assertThat(collected.collectedOn()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(collected.collectionReference()).isEqualTo("DK-2");
        assertThat(collected.collectionFailure()).as("cleared once collected").isNull();
        assertThat(collected.coverageStart())
                .as("cover runs from the day it was paid")
                .isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(projection.handle(new FindEnrollmentQuery(
                        UUID.fromString(enrolled.enrollmentId().value()))))
                .contains(collected);
    }

    @Test
    void aFailedDeductionAfterTheCollectionChangesNothingAndARedeliveredEnrolmentIsKeptOnce() {
        String member = UUID.randomUUID().toString();
        MemberEnrolledEvent enrolled = enrolled(member, PremiumStatus.COLLECTED);
        projection.on(enrolled);
        projection.on(enrolled);
        projection.on(new PremiumCollectionFailedEvent(
                enrolled.enrollmentId(),
                new MemberId(member),
                "越城区",
                enrolled.planId(),
                CollectionMethod.BANK_DEDUCTION,
                "DK-9",
                "账户冻结",
                LocalDate.of(2026, 2, 1),
                FINANCE));

        EnrollmentView view = only(member);
        assertThat(view.premiumStatus()).isEqualTo("COLLECTED");
        assertThat(view.collectionFailure()).isNull();
        assertThat(view.premium()).isEqualByComparingTo("95.00");
    }

    private static EnrollmentView only(String member) {
        List<EnrollmentView> views = projection.handle(new FindMemberEnrollmentsQuery(UUID.fromString(member)));
        assertThat(views).hasSize(1);
        return views.get(0);
    }

    /** Ningbo 2020's in-service plan for a union member: 95.00, the province paying 75.00 of it. */
    static MemberEnrolledEvent enrolled(String member, PremiumStatus status) {
        return new MemberEnrolledEvent(
                new EnrollmentId(UUID.randomUUID().toString()),
                new MemberId(member),
                new UnitId(UUID.randomUUID().toString()),
                "越城区",
                MemberCategory.IN_SERVICE,
                new PlanId("ningbo-2020-inservice-hospital"),
                1,
                1,
                1,
                new BigDecimal("95.00"),
                List.of(
                        FundingShare.of(Payer.PROVINCE, Money.of("75.00")),
                        FundingShare.of(Payer.MEMBER, Money.of("20.00"))),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 1, 1),
                false,
                false,
                null,
                false,
                LocalDate.of(2025, 12, 20),
                List.of(),
                status,
                null,
                null);
    }
}
