package cn.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.claims.command.claim.CoverageDirectory.CoverageFacts;
import cn.huzhu.claims.query.CoverageDirectoryView;
import cn.huzhu.claims.query.CoverageProjection;
import cn.huzhu.claims.query.PlanDirectoryView;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.localstack.LocalPostgres;
import cn.huzhu.plans.PlanDefinition;
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
 * What claims knows of plans, members and cover, kept by the coverage projection from enrolment's records and read
 * through the directories the claim handler asks: in a real PostgreSQL with claims' migrations, without Kafka or a
 * Spring context. The listener around it is in {@link cn.huzhu.claims.web.ClaimApiIT}.
 */
class CoverageProjectionTest {

    private static LocalPostgres postgres;
    private static JdbcTemplate jdbc;
    private static CoverageProjection projection;
    private static CoverageDirectoryView coverage;
    private static PlanDirectoryView plans;

    @BeforeAll
    static void database() {
        EventCodec.contracts(); // trusts the contract classes, as the listener's codec does before a record is built
        postgres = LocalPostgres.start(0, null, List.of("claims"));
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl("claims"), LocalPostgres.USER, LocalPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        plans = new PlanDirectoryView(jdbc);
        projection = new CoverageProjection(jdbc, plans);
        coverage = new CoverageDirectoryView(jdbc);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void anEnrolmentCoversItsPeriodAndOnlyPaysOnceItsPremiumIsCollectedFromTheDayItWasPaid() {
        String member = UUID.randomUUID().toString();
        String enrolment = UUID.randomUUID().toString();
        MemberEnrolled pending = IntegrationTestSupport.enrolled(
                member,
                enrolment,
                "shaoxing-hospital",
                1,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 1, 1),
                "PENDING");

        assertThat(projection.apply(pending)).isTrue();
        assertThat(coverage.coveragesOn(member, LocalDate.of(2026, 2, 1)))
                .singleElement()
                .extracting(CoverageFacts::collected)
                .isEqualTo(false);

        // paid on 1 March: cover runs from that day
        projection.apply(collected(pending, LocalDate.of(2026, 3, 1)));

        assertThat(coverage.coveragesOn(member, LocalDate.of(2026, 2, 1))).isEmpty();
        List<CoverageFacts> march = coverage.coveragesOn(member, LocalDate.of(2026, 3, 1));
        assertThat(march).singleElement().satisfies(f -> {
            assertThat(f.collected()).isTrue();
            assertThat(f.coverage().enrollmentId()).isEqualTo(enrolment);
            assertThat(f.coverage().coverageStart()).isEqualTo(LocalDate.of(2026, 3, 1));
        });
        assertThat(coverage.exists(member)).as("known by its enrolment").isTrue();
    }

    @Test
    void aRedeliveredRecordChangesNothing() {
        String member = UUID.randomUUID().toString();
        var registered = IntegrationTestSupport.registered(member);
        MemberEnrolled enrolled = MemberEnrolled.newBuilder(IntegrationTestSupport.enrolled(
                        member,
                        UUID.randomUUID().toString(),
                        "shaoxing-hospital",
                        2,
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        LocalDate.of(2026, 1, 31),
                        "COLLECTED"))
                .setUnitId(registered.getUnitId())
                .build();

        for (int i = 0; i < 2; i++) {
            projection.apply(registered);
            projection.apply(enrolled);
        }

        assertThat(coverage.coveragesOn(member, LocalDate.of(2026, 6, 1))).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from member_directory where member_id = ?",
                        Integer.class,
                        UUID.fromString(member)))
                .isEqualTo(1);
        assertThat(coverage.ownerOf(member))
                .contains(new CoverageDirectoryView.Owner(registered.getUnitId().toString(), "越城"));
    }

    @Test
    void aPublishedPlanIsJudgedByAndOneTheSchemaRefusesIsNeverKept() throws Exception {
        String definition = PlanDefinition.file("shaoxing-hospital", 1).orElseThrow();
        assertThat(projection.apply(IntegrationTestSupport.published("shaoxing-hospital", 1, definition)))
                .isTrue();
        assertThat(plans.rulesOn("shaoxing-hospital", LocalDate.of(2026, 6, 1))).isPresent();

        String misspelt = definition.replaceFirst("\"benefits\"", "\"benefitz\"");
        assertThatThrownBy(() -> projection.apply(IntegrationTestSupport.published("shaoxing-hospital", 2, misspelt)))
                .hasMessageContaining("benefit");
        assertThat(jdbc.queryForObject(
                        "select count(*) from plan_definition where plan_id = 'shaoxing-hospital' and version = 2",
                        Integer.class))
                .isZero();
    }

    private static PremiumCollected collected(MemberEnrolled enrolled, LocalDate paidOn) {
        return PremiumCollected.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(enrolled.getEnrollmentId())
                .setMemberId(enrolled.getMemberId())
                .setUnitId(enrolled.getUnitId())
                .setDistrict(enrolled.getDistrict())
                .setPlanId(enrolled.getPlanId())
                .setMethod("BANK_DEDUCTION")
                .setReference("DK-" + paidOn)
                .setAmount(new BigDecimal("60.00"))
                .setCollectedOn(paidOn)
                .setCoverageStart(paidOn)
                .setCoverageEnd(enrolled.getCoverageEnd())
                .setWaitingPeriodEnd(paidOn)
                .build();
    }
}
