package cn.huzhu.reporting;

import static cn.huzhu.reporting.DistrictEnrollmentReportingIT.awaitingPremium;
import static cn.huzhu.reporting.DistrictEnrollmentReportingIT.enrolled;
import static cn.huzhu.reporting.DistrictEnrollmentReportingIT.registered;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.localstack.LocalPostgres;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import cn.huzhu.reporting.query.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The district enrolment projection alone, given events as a poll would bring them and read from its tables in a real
 * PostgreSQL with reporting's migrations: no Kafka, no Spring context. What the listener and the rebuild add around it
 * is in {@link DistrictEnrollmentReportingIT}.
 */
class DistrictEnrollmentProjectionTest {

    private static LocalPostgres postgres;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static DistrictEnrollmentProjection projection;

    @BeforeAll
    static void database() {
        EventCodec.contracts(); // trusts the contract classes, as every listener's codec does before it builds a record
        postgres = LocalPostgres.start(0, null, List.of("reporting"));
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl("reporting"), LocalPostgres.USER, LocalPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        projection = new DistrictEnrollmentProjection(jdbc, List.of("ningbo-2020-special-disease"));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("truncate district_enrollment, real_name_members, awaiting_premium, processed_event");
    }

    @Test
    void enrolmentsInForceAreCountedByPlanYearDistrictAndCategoryWithTheSpecialDiseaseGiftApart() {
        LocalDate spring = LocalDate.of(2031, 3, 1);
        int fresh = poll(
                enrolled(member(), "海曙", "IN_SERVICE", false, spring),
                enrolled(member(), "海曙", "RETIRED", false, spring),
                enrolled(member(), "海曙", "IN_SERVICE", true, spring),
                MemberEnrolled.newBuilder(enrolled(member(), "海曙", "RETIRED", true, spring))
                        .setPlanId("huzhou-major-disease")
                        .build(),
                enrolled(member(), "江北", "IN_SERVICE", false, LocalDate.of(2032, 1, 1)));

        assertThat(fresh).isEqualTo(5);
        assertThat(table())
                .isEqualTo(Map.of(
                        "2031 海曙", "gifted 1, in service 1, retired 2",
                        "2032 江北", "gifted 0, in service 1, retired 0"));
    }

    @Test
    void anEnrolmentAwaitingItsPremiumCountsOnceCollectedInTheYearItsCoverStarts() {
        MemberEnrolled pending =
                awaitingPremium(enrolled(member(), "镇海", "IN_SERVICE", false, LocalDate.of(2035, 12, 1)));
        MemberEnrolled neverPaid =
                awaitingPremium(enrolled(member(), "镇海", "IN_SERVICE", false, LocalDate.of(2035, 12, 1)));
        poll(pending, neverPaid);
        assertThat(table()).as("nothing in force yet").isEmpty();

        // collected in a later poll, in the next year: its cover starts the day it is paid
        poll(collected(pending, LocalDate.of(2036, 1, 10)));

        assertThat(table()).isEqualTo(Map.of("2036 镇海", "gifted 0, in service 1, retired 0"));
        assertThat(jdbc.queryForObject("select count(*) from awaiting_premium", Integer.class))
                .as("the enrolment never paid is still awaited")
                .isEqualTo(1);
    }

    @Test
    void anEnrolmentCollectedInTheSamePollIsCountedWhereItsCoverStarts() {
        MemberEnrolled pending = awaitingPremium(enrolled(member(), "北仑", "RETIRED", false, LocalDate.of(2033, 5, 1)));

        poll(pending, collected(pending, LocalDate.of(2033, 5, 3)));

        assertThat(table()).isEqualTo(Map.of("2033 北仑", "gifted 0, in service 0, retired 1"));
        assertThat(jdbc.queryForObject("select count(*) from awaiting_premium", Integer.class))
                .isZero();
    }

    @Test
    void aRedeliveredPollChangesNothing() {
        List<Event> events = events(
                enrolled(member(), "鄞州", "IN_SERVICE", false, LocalDate.of(2034, 2, 1)),
                registered(member(), "鄞州", true, LocalDate.of(2034, 1, 20)));
        assertThat(apply(events)).isEqualTo(2);

        assertThat(apply(events)).as("events seen before").isZero();

        assertThat(table()).isEqualTo(Map.of("2034 鄞州", "gifted 0, in service 1, retired 0"));
        assertThat(jdbc.queryForObject(
                        "select members from real_name_members where year = 2034 and district = '鄞州'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void onlyMembersWhoseRealNameIsVerifiedAreCountedByTheYearTheyRegistered() {
        poll(
                registered(member(), "慈溪", true, LocalDate.of(2030, 12, 31)),
                registered(member(), "慈溪", true, LocalDate.of(2031, 1, 1)),
                registered(member(), "慈溪", false, LocalDate.of(2031, 1, 2)));

        assertThat(jdbc.queryForMap(
                        "select sum(members) filter (where year = 2030) as y2030, sum(members) filter (where year = 2031)"
                                + " as y2031 from real_name_members where district = '慈溪'"))
                .isEqualTo(Map.of("y2030", 1L, "y2031", 1L));
    }

    private static String member() {
        return UUID.randomUUID().toString();
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
                .setAmount(new BigDecimal("50.00"))
                .setCollectedOn(paidOn)
                .setCoverageStart(paidOn)
                .setCoverageEnd(paidOn.plusYears(1).minusDays(1))
                .setWaitingPeriodEnd(paidOn)
                .build();
    }

    private static List<Event> events(SpecificRecord... records) {
        return Arrays.stream(records)
                .map(r ->
                        new Event((UUID) r.get(r.getSchema().getField("eventId").pos()), r))
                .toList();
    }

    private static int poll(SpecificRecord... records) {
        return apply(events(records));
    }

    private static int apply(List<Event> events) {
        return transaction.execute(t -> projection.apply(events, Target.LIVE));
    }

    /** The district table as "year district" to its three columns. */
    private static Map<String, String> table() {
        return jdbc
                .query(
                        "select year, district, gifted, in_service, retired from district_enrollment",
                        (rs, n) -> Map.entry(
                                rs.getInt(1) + " " + rs.getString(2),
                                "gifted " + rs.getInt(3) + ", in service " + rs.getInt(4) + ", retired "
                                        + rs.getInt(5)))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
