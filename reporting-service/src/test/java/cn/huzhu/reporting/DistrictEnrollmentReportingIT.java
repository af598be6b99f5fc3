package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.reporting.messaging.ProjectionRebuilder;
import cn.huzhu.reporting.query.DistrictEnrollmentQueries;
import cn.huzhu.reporting.query.DistrictEnrollmentReport;
import cn.huzhu.reporting.query.ProjectionTables;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The district enrolment table fed over real Kafka into real PostgreSQL. Each test uses its own year so
 * the tests do not see each other's counts.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistrictEnrollmentReportingIT extends OnLocalStack {

    static KafkaProducer<String, byte[]> producer;

    @Autowired
    DistrictEnrollmentQueries queries;

    @Autowired
    ProjectionRebuilder rebuilder;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    static void send(String key, SpecificRecord record) {
        send(key, EventCodec.contracts().encode(record));
    }

    static void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.MEMBERS, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static MemberRegistered registered(String memberId, String district, boolean realName, LocalDate on) {
        return MemberRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setMemberId(UUID.fromString(memberId))
                .setUnitId(UUID.randomUUID())
                .setDistrict(district)
                .setCategory("IN_SERVICE")
                .setGender("MALE")
                .setBirthDate(LocalDate.of(1980, 1, 1))
                .setServiceCard(true)
                .setRealNameVerified(realName)
                .setRegisteredOn(on)
                .build();
    }

    static MemberEnrolled enrolled(String memberId, String district, String category, boolean gifted, LocalDate start) {
        return MemberEnrolled.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(UUID.randomUUID())
                .setMemberId(UUID.fromString(memberId))
                .setUnitId(UUID.randomUUID())
                .setDistrict(district)
                .setCategory(category)
                .setPlanId(gifted ? "ningbo-2020-special-disease" : "ningbo-2020-inservice-hospital")
                .setPlanVersion(1)
                .setShares(1)
                .setTermYears(1)
                .setPremium(new BigDecimal("50.00"))
                .setFunding(List.of(new Funding(gifted ? "UNION" : "MEMBER", new BigDecimal("50.00"))))
                .setCoverageStart(start)
                .setCoverageEnd(start.plusYears(1).minusDays(1))
                .setWaitingPeriodEnd(start)
                .setContinuous(false)
                .setGifted(gifted)
                .setGiftOf(null)
                .setMigrated(false)
                .build();
    }

    DistrictEnrollmentReport.Row row(int year, String district) {
        return queries.districtEnrollment(year, ProjectionTables.LIVE).rows().stream()
                .filter(r -> r.district().equals(district))
                .findFirst()
                .orElse(null);
    }

    @Test
    @Order(1)
    void shouldCountEnrolmentsByDistrictAndKindWithGiftsInTheTotal() {
        LocalDate start = LocalDate.of(2031, 4, 1);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        send(a, registered(a, "海曙", true, LocalDate.of(2031, 1, 5)));
        send(b, registered(b, "海曙", false, LocalDate.of(2031, 1, 5)));
        send(c, registered(c, "江北", true, LocalDate.of(2030, 6, 1)));
        send(a, enrolled(a, "海曙", "IN_SERVICE", false, start));
        send(a, enrolled(a, "海曙", "IN_SERVICE", true, start));
        send(b, enrolled(b, "海曙", "RETIRED", false, start));
        send(c, enrolled(c, "江北", "IN_SERVICE", false, start));
        // a gift of another plan (Huzhou's major disease) is not a gifted special-disease share: it counts as
        // in-service
        send(
                d,
                MemberEnrolled.newBuilder(enrolled(d, "海曙", "IN_SERVICE", true, start))
                        .setPlanId("huzhou-major-disease")
                        .build());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            DistrictEnrollmentReport report = queries.districtEnrollment(2031, ProjectionTables.LIVE);
            assertThat(report.rows())
                    .containsExactly(
                            new DistrictEnrollmentReport.Row("江北", 0, 1, 0, 1, 1, "100.00", 0, null),
                            new DistrictEnrollmentReport.Row("海曙", 1, 2, 1, 4, 1, "400.00", 0, null));
            assertThat(report.totals())
                    .isEqualTo(new DistrictEnrollmentReport.Row("合计", 1, 3, 1, 5, 2, "250.00", 0, null));
        });
        assertThat(queries.districtEnrollment(2030, ProjectionTables.LIVE)
                        .totals()
                        .realNameMembers())
                .as("real-name members are counted up to the end of the year asked for")
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void shouldGiveTheEnrolmentRateAgainstRealNameMembersAndTheChangeAgainstLastYear() {
        // 2053: 象山 4 enrolments, 宁海 2; 2054: 象山 5, 宁海 none, 慈溪 3; real-name members registered in 2053 and 2054
        // (districts of this test alone: the table counts every real-name member registered up to the year asked for)
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < 6; i++) {
            send(members.get(i), registered(members.get(i), i < 4 ? "象山" : "宁海", true, LocalDate.of(2053, 3, 1)));
        }
        send(members.get(6), registered(members.get(6), "慈溪", true, LocalDate.of(2054, 3, 1)));
        for (int i = 0; i < 4; i++) {
            send(members.get(i), enrolled(members.get(i), "象山", "IN_SERVICE", false, LocalDate.of(2053, 1, 1)));
        }
        for (int i = 4; i < 6; i++) {
            send(members.get(i), enrolled(members.get(i), "宁海", "RETIRED", false, LocalDate.of(2053, 1, 1)));
        }
        for (int i = 0; i < 5; i++) {
            String m = members.get(i % 4);
            send(m, enrolled(m, "象山", "IN_SERVICE", i == 4, LocalDate.of(2054, 1, 1)));
        }
        for (int i = 0; i < 3; i++) {
            send(members.get(6), enrolled(members.get(6), "慈溪", "IN_SERVICE", i > 0, LocalDate.of(2054, 1, 1)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            DistrictEnrollmentReport report = queries.districtEnrollment(2054, ProjectionTables.LIVE);
            assertThat(report.rows().stream()
                            .filter(r -> List.of("象山", "宁海", "慈溪").contains(r.district())))
                    .containsExactlyInAnyOrder(
                            new DistrictEnrollmentReport.Row("慈溪", 2, 1, 0, 3, 1, "300.00", 0, null),
                            new DistrictEnrollmentReport.Row("象山", 1, 4, 0, 5, 4, "125.00", 4, "25.00"),
                            new DistrictEnrollmentReport.Row("宁海", 0, 0, 0, 0, 2, "0.00", 2, "-100.00"));
            DistrictEnrollmentReport.Row totals = report.totals();
            assertThat(totals.previousYearTotal())
                    .isEqualTo(queries.districtEnrollment(2053, ProjectionTables.LIVE)
                            .totals()
                            .total());
            assertThat(totals.enrollmentRate())
                    .isEqualTo(new java.math.BigDecimal(totals.total() * 100)
                            .divide(
                                    new java.math.BigDecimal(totals.realNameMembers()),
                                    2,
                                    java.math.RoundingMode.HALF_UP)
                            .toPlainString());
        });
    }

    @Test
    @Order(3)
    void shouldCountARedeliveredEventOnce() {
        String m = UUID.randomUUID().toString();
        MemberEnrolled once = enrolled(m, "镇海", "IN_SERVICE", false, LocalDate.of(2032, 3, 1));
        send(m, once);
        send(m, once);
        send(m, once);
        String marker = UUID.randomUUID().toString();
        send(marker, enrolled(marker, "北仑", "IN_SERVICE", false, LocalDate.of(2032, 3, 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> row(2032, "北仑") != null);
        assertThat(row(2032, "镇海").inService()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void shouldSendAPoisonRecordToTheDeadLetterTopicAndKeepGoing() {
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        send(poisonKey, poison);
        String after = UUID.randomUUID().toString();
        send(after, enrolled(after, "鄞州", "RETIRED", false, LocalDate.of(2033, 5, 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> row(2033, "鄞州") != null);
        assertThat(row(2033, "鄞州").retired()).isEqualTo(1);

        ConsumerRecord<String, byte[]> dead = findOnDeadLetterTopic(Topics.MEMBERS, poisonKey);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
    }

    @Test
    @Order(4)
    void shouldCountAnEnrolmentOnceItsPremiumIsCollectedAndNeverBefore() {
        String member = UUID.randomUUID().toString();
        LocalDate applied = LocalDate.of(2035, 11, 20);
        MemberEnrolled paidLate = awaitingPremium(enrolled(member, "镇海", "RETIRED", false, applied));
        MemberEnrolled neverPaid = awaitingPremium(enrolled(member, "镇海", "IN_SERVICE", false, applied));
        send(member, paidLate);
        send(member, neverPaid);
        ConsumerLag.awaitNone(cn.huzhu.reporting.messaging.DistrictEnrollmentListener.ID, List.of(Topics.MEMBERS));
        assertThat(row(2035, "镇海")).as("nothing is in force yet").isNull();

        // paid in the next year: its cover runs from that day, so it counts in that year
        LocalDate paidOn = LocalDate.of(2036, 1, 10);
        send(
                member,
                PremiumCollected.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setEnrollmentId(paidLate.getEnrollmentId())
                        .setMemberId(paidLate.getMemberId())
                        .setUnitId(paidLate.getUnitId())
                        .setDistrict("镇海")
                        .setPlanId(paidLate.getPlanId())
                        .setMethod("BANK_DEDUCTION")
                        .setReference("DK-2036")
                        .setAmount(new BigDecimal("50.00"))
                        .setCollectedOn(paidOn)
                        .setCoverageStart(paidOn)
                        .setCoverageEnd(paidOn.plusYears(1).minusDays(1))
                        .setWaitingPeriodEnd(paidOn)
                        .build());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(row(2036, "镇海")).isNotNull());
        assertThat(row(2036, "镇海").retired()).isEqualTo(1);
        assertThat(row(2036, "镇海").inService()).as("the enrolment never paid").isZero();
        assertThat(row(2035, "镇海")).isNull();
    }

    static MemberEnrolled awaitingPremium(MemberEnrolled enrolled) {
        return MemberEnrolled.newBuilder(enrolled).setPremiumStatus("PENDING").build();
    }

    @Test
    @Order(5)
    void shouldRebuildTablesEqualToTheLiveOnesByReplay() {
        // an enrolment the outbox sent twice (a crash before Kafka's acknowledgement): counted once, live and rebuilt
        String twice = UUID.randomUUID().toString();
        byte[] sentTwice =
                EventCodec.contracts().encode(enrolled(twice, "北仑", "IN_SERVICE", false, LocalDate.of(2031, 4, 1)));
        send(twice, sentTwice);
        send(twice, sentTwice);
        ConsumerLag.awaitNone(cn.huzhu.reporting.messaging.DistrictEnrollmentListener.ID, List.of(Topics.MEMBERS));
        assertThat(row(2031, "北仑").inService()).isEqualTo(1);
        DistrictEnrollmentReport before = queries.districtEnrollment(2031, ProjectionTables.LIVE);

        ProjectionRebuilder.Result check = rebuilder.rebuild(false);
        // a log whose ids would not fit in the heap's share: repeats are left to the shadow tables' keys, with the same
        // outcome
        ProjectionRebuilder.Result byKeys = rebuilderWithoutHeapForIds().rebuild(false);
        ProjectionRebuilder.Result swapped = rebuilder.rebuild(true);

        assertThat(check.differences()).isEmpty();
        assertThat(check.undecodableSkipped()).isGreaterThanOrEqualTo(1);
        assertThat(check.repeatedSkipped())
                .as("the record sent twice, read once")
                .isGreaterThanOrEqualTo(1);
        assertThat(byKeys.differences()).isEmpty();
        assertThat(byKeys.repeatedSkipped()).isZero();
        assertThat(byKeys.eventsCounted()).isEqualTo(check.eventsCounted());
        assertThat(swapped.differences()).isEmpty();
        assertThat(swapped.swapped()).isTrue();
        assertThat(queries.districtEnrollment(2031, ProjectionTables.LIVE)).isEqualTo(before);

        // after the swap the live listener goes on from the rebuilt tables: what they hold is not counted again when it
        // is
        // delivered once more, what is new is (both on one partition, so the new one is applied after the repeated one)
        String later = UUID.randomUUID().toString();
        send(twice, sentTwice);
        send(twice, EventCodec.contracts().encode(enrolled(later, "江北", "RETIRED", false, LocalDate.of(2031, 4, 1))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(row(2031, "江北").retired()).isEqualTo(1));
        assertThat(row(2031, "海曙"))
                .isEqualTo(before.rows().stream()
                        .filter(r -> r.district().equals("海曙"))
                        .findFirst()
                        .orElseThrow());
        assertThat(row(2031, "北仑").inService())
                .as("delivered again after the swap: not counted again")
                .isEqualTo(1);
    }

    @Test
    @Order(6)
    void anAnswerKeptIsGivenAgainOnlyUntilAnInstanceCommitsAChange() {
        ConsumerLag.awaitNone(cn.huzhu.reporting.messaging.DistrictEnrollmentListener.ID, List.of(Topics.MEMBERS));
        cn.huzhu.reporting.query.ReportChanges changes = context.getBean(cn.huzhu.reporting.query.ReportChanges.class);
        cn.huzhu.reporting.web.ReportController reports =
                context.getBean(cn.huzhu.reporting.web.ReportController.class);
        org.springframework.jdbc.core.JdbcTemplate jdbc =
                context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        // quiet: no summary recomputed, no poll committed, for longer than a summary refresh interval
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    long now = changes.count();
                    boolean quiet = now == last[0];
                    last[0] = now;
                    return quiet;
                });
        DistrictEnrollmentReport kept = reports.districtEnrollment(2031);
        long retired = kept.rows().stream()
                .filter(r -> r.district().equals("江北"))
                .findFirst()
                .orElseThrow()
                .retired();

        // another instance's listener commits a poll: its rows and the change counted in one transaction
        jdbc.update("update district_enrollment set retired = retired + 1 where year = 2031 and district = '江北'");
        assertThat(reports.districtEnrollment(2031))
                .as("rows changed without a change counted: the answer kept")
                .isEqualTo(kept);
        changes.record("another-instance");
        assertThat(row(2031, "江北").retired()).isEqualTo(retired + 1);
        assertThat(reports.districtEnrollment(2031).rows())
                .as("the change counted, by whichever instance: computed again")
                .filteredOn(r -> r.district().equals("江北"))
                .singleElement()
                .satisfies(r -> assertThat(r.retired()).isEqualTo(retired + 1));

        jdbc.update("update district_enrollment set retired = retired - 1 where year = 2031 and district = '江北'");
        changes.record("another-instance");
    }

    /** A rebuilder of the service's projections and listeners that may take no heap for the ids of a replay's events. */
    @SuppressWarnings("unchecked")
    private ProjectionRebuilder rebuilderWithoutHeapForIds() {
        return new ProjectionRebuilder(
                context.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class),
                context.getBean(org.springframework.kafka.core.ConsumerFactory.class),
                context.getBean(cn.huzhu.reporting.query.DistrictEnrollmentProjection.class),
                context.getBean(cn.huzhu.reporting.query.TargetCompletionProjection.class),
                context.getBean(cn.huzhu.reporting.query.PayoutRatioProjection.class),
                context.getBean(cn.huzhu.reporting.query.ClaimsActivityProjection.class),
                context.getBean(cn.huzhu.reporting.query.ReportSummaries.class),
                context.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
                context.getBean(cn.huzhu.reporting.query.ReportChanges.class),
                0);
    }

    /** The record with {@code key} on the dead-letter topic of {@code topic}, waited for. */
    static ConsumerRecord<String, byte[]> findOnDeadLetterTopic(String topic, String key) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("group.id", "dlt-check-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(topic)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
