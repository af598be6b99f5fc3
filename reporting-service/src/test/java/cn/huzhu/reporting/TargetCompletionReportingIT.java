package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.EnrollmentTargetSet;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.reporting.messaging.ProjectionRebuilder;
import cn.huzhu.reporting.query.TargetCompletionQueries;
import cn.huzhu.reporting.query.TargetCompletionReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class TargetCompletionReportingIT extends OnLocalStack {

    static final int YEAR = 2041;

    @Autowired
    TargetCompletionQueries queries;

    @Autowired
    ProjectionRebuilder rebuilder;

    static void send(String topic, String key, SpecificRecord record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            topic, key, EventCodec.contracts().encode(record)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static UUID unit(String name, String district) {
        UUID id = UUID.randomUUID();
        send(
                Topics.UNITS,
                id.toString(),
                UnitRegistered.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setUnitId(id)
                        .setName(name)
                        .setDistrict(district)
                        .setNature("PUBLIC")
                        .setInsuredHeadcount(100)
                        .build());
        return id;
    }

    static void target(UUID unitId, String district, int year, int target, Instant at) {
        String targetId = "UNIT:" + unitId + ":" + year + ":*";
        send(
                Topics.TARGETS,
                targetId,
                EnrollmentTargetSet.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setTargetId(targetId)
                        .setScope("UNIT")
                        .setUnitId(unitId)
                        .setDistrict(district)
                        .setYear(year)
                        .setPlanId(null)
                        .setTarget(target)
                        .build());
    }

    static void enrolments(UUID unitId, String district, int count) {
        for (int i = 0; i < count; i++) {
            String member = UUID.randomUUID().toString();
            send(
                    Topics.MEMBERS,
                    member,
                    MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                                    member, district, "IN_SERVICE", false, LocalDate.of(YEAR, 2, 1)))
                            .setUnitId(unitId)
                            .build());
        }
    }

    static String percent(long completed, long target) {
        return new BigDecimal(completed * 100)
                .divide(new BigDecimal(target), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Test
    void shouldProjectTargetCompletionWithOtherAndTotalRowsAndNextYearsTarget() {
        UUID gaoxin = unit("高新区", "武进");
        UUID north = unit("高新区北区", "武进");
        UUID noTarget = unit("湖塘镇", "武进");
        UUID elsewhere = unit("天宁机关", "天宁");
        Instant now = Instant.now();
        target(gaoxin, "武进", YEAR, 3, now.minusSeconds(60));
        target(gaoxin, "武进", YEAR, 7, now);
        target(gaoxin, "武进", YEAR + 1, 9, now);
        target(north, "武进", YEAR, 2, now);
        target(elsewhere, "天宁", YEAR, 4, now);
        enrolments(gaoxin, "武进", 5);
        enrolments(north, "武进", 3);
        enrolments(noTarget, "武进", 2);
        enrolments(elsewhere, "天宁", 1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            TargetCompletionReport report = queries.targetCompletion(YEAR, "武进");
            assertThat(report.units())
                    .extracting(TargetCompletionReport.Row::name)
                    .containsExactly("高新区", "高新区北区");
            TargetCompletionReport.Row first = report.units().get(0);
            assertThat(first.target())
                    .as("the later target replaces the earlier")
                    .isEqualTo(7);
            assertThat(first.completed()).isEqualTo(5);
            assertThat(first.completionRate()).isEqualTo(percent(5, 7));
            assertThat(first.nextYearTarget()).isEqualTo(9);
            assertThat(report.units().get(1).completionRate()).isEqualTo(percent(3, 2));
            assertThat(report.units().get(1).nextYearTarget()).isNull();
            assertThat(report.other().completed()).isEqualTo(2);
            assertThat(report.totals().target()).isEqualTo(7 + 2);
            assertThat(report.totals().completed()).isEqualTo(5 + 3 + 2);
            assertThat(report.totals().completionRate()).isEqualTo(percent(10, 9));
        });
        TargetCompletionReport all = queries.targetCompletion(YEAR, null);
        assertThat(all.units()).hasSize(3);
        assertThat(all.totals().completed()).isEqualTo(11);
    }

    @Test
    void shouldRebuildTheProjectionByReplayEqualToTheLiveOne() {
        // a district and year of this test alone, so the other tests' tables are not touched
        int year = YEAR + 30;
        UUID unit = unit("横林镇", "金坛");
        target(unit, "金坛", year, 4, Instant.now());
        for (int i = 0; i < 3; i++) {
            String member = UUID.randomUUID().toString();
            send(
                    Topics.MEMBERS,
                    member,
                    MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                                    member, "金坛", "IN_SERVICE", false, LocalDate.of(year, 2, 1)))
                            .setUnitId(unit)
                            .build());
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(queries.targetCompletion(year, "金坛").units())
                                .singleElement()
                                .satisfies(r -> assertThat(r.completed()).isEqualTo(3)));
        // the live projection must have read everything (other tests publish to the same topics) before it is compared
        ConsumerLag.awaitNone(
                "reporting-" + cn.huzhu.reporting.messaging.TargetCompletionListener.ID,
                List.of(Topics.UNITS, Topics.TARGETS, Topics.MEMBERS));
        TargetCompletionReport before = queries.targetCompletion(year, "金坛");

        ProjectionRebuilder.Result check = rebuilder.rebuild("target-completion", false);
        ProjectionRebuilder.Result swapped = rebuilder.rebuild("target-completion", true);

        assertThat(check.differences()).isEmpty();
        assertThat(check.eventsCounted()).isPositive();
        assertThat(swapped.differences()).isEmpty();
        assertThat(queries.targetCompletion(year, "金坛")).isEqualTo(before);
    }

    @Test
    void shouldRoundTheRateLikeTheSeed() {
        assertThat(percent(5485, 7000)).isEqualTo("78.36");
        assertThat(queries.targetCompletion(YEAR + 50, null).totals().completionRate())
                .as("no target, no rate")
                .isNull();
    }
}
