package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.reporting.export.ExportTable;
import cn.huzhu.reporting.query.DistrictEnrollmentQueries;
import cn.huzhu.reporting.query.DistrictEnrollmentReport;
import cn.huzhu.reporting.query.DistrictEnrollmentReport.Row;
import cn.huzhu.reporting.query.ProjectionTables;
import cn.huzhu.reporting.web.ExportController;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Ningbo's table "2019年度各系统职工医疗互助保障参保情况" (attachment of 甬总工〔2020〕29号) reproduced from generated
 * events: for each of its 23 systems, real-name members and enrolments (gifted special-disease shares, in-service and
 * retired) in the attachment's numbers scaled down 1 : 100, published as the enrolment service publishes them. The
 * table and its export must show those counts, with the total by one rule for every row (gifts included; the
 * attachment's 财贸 row leaves its gifts out of the total, so that row's total differs from the attachment's by them).
 */
@SpringBootTest
class NingboDistrictTableIT extends OnLocalStack {

    static final int YEAR = 2019;
    static final int SCALE = 100;

    /** The attachment: system, 特病赠送, 在职职工, 退休职工, 参保总人次数, 实名会员人数 (blank cells as 0). */
    static final Object[][] ATTACHMENT = {
        {"海曙", 24162, 125758, 80123, 230043, 216769}, {"江北", 10768, 67386, 46041, 124195, 92502},
        {"镇海", 7381, 126054, 41146, 174581, 186295}, {"北仑", 11862, 146142, 20983, 178987, 328806},
        {"鄞州", 5122, 162720, 86348, 254190, 355345}, {"奉化", 1034, 52634, 5874, 59542, 163523},
        {"余姚", 21342, 115588, 0, 136930, 382418}, {"慈溪", 4956, 80883, 0, 85839, 441429},
        {"宁海", 1501, 58289, 0, 59790, 166832}, {"象山", 1047, 62895, 0, 63942, 160609},
        {"杭州湾", 202, 20885, 0, 21087, 78085}, {"保税", 463, 6868, 138, 7469, 34101},
        {"大榭", 754, 13267, 747, 14768, 18158}, {"高新", 237, 21450, 6374, 28061, 22880},
        {"东钱湖", 184, 9211, 5165, 14560, 9085}, {"财贸", 28308, 71640, 2993, 74633, 43837},
        {"建设", 0, 55131, 1850, 56981, 30144}, {"文卫", 0, 46790, 2880, 49670, 19991},
        {"工业", 0, 59533, 661, 60194, 25302}, {"直属", 0, 52239, 4775, 57014, 30034},
        {"机关", 0, 37304, 5566, 42870, 19226}, {"交通", 0, 26975, 1771, 28746, 11244},
        {"教育", 0, 21005, 3903, 24908, 17561}
    };

    @Autowired
    DistrictEnrollmentQueries queries;

    @Autowired
    ExportController exports;

    static long scaled(Object count) {
        return BigDecimal.valueOf((Integer) count)
                .divide(BigDecimal.valueOf(SCALE), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    static String percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    static void send(KafkaProducer<String, byte[]> producer, String key, SpecificRecord record) {
        producer.send(
                new ProducerRecord<>(Topics.MEMBERS, key, EventCodec.contracts().encode(record)));
    }

    @Test
    void theAttachmentsTableComesOutOfTheEnrolmentsScaledDown() throws Exception {
        List<Row> expected = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all", "linger.ms", "20"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (Object[] line : ATTACHMENT) {
                String district = (String) line[0];
                long gifted = scaled(line[1]);
                long inService = scaled(line[2]);
                long retired = scaled(line[3]);
                long realName = scaled(line[5]);
                List<String> members = new ArrayList<>();
                for (int i = 0; i < realName; i++) {
                    String member = UUID.randomUUID().toString();
                    members.add(member);
                    send(
                            producer,
                            member,
                            DistrictEnrollmentReportingIT.registered(
                                    member,
                                    district,
                                    true,
                                    LocalDate.of(YEAR, 1, 1).plusDays(i % 300)));
                }
                for (int i = 0; i < inService + retired + gifted; i++) {
                    String member = members.isEmpty() ? UUID.randomUUID().toString() : members.get(i % members.size());
                    String category = i < inService || i >= inService + retired ? "IN_SERVICE" : "RETIRED";
                    send(
                            producer,
                            member,
                            DistrictEnrollmentReportingIT.enrolled(
                                    member,
                                    district,
                                    category,
                                    i >= inService + retired,
                                    LocalDate.of(YEAR, 1, 1).plusDays(i % 360)));
                }
                long total = gifted + inService + retired;
                expected.add(new Row(
                        district, gifted, inService, retired, total, realName, percent(total, realName), 0, null));
            }
            producer.flush();
        }
        long gifted = expected.stream().mapToLong(Row::giftedSpecialDisease).sum();
        long inService = expected.stream().mapToLong(Row::inService).sum();
        long retired = expected.stream().mapToLong(Row::retired).sum();
        long realName = expected.stream().mapToLong(Row::realNameMembers).sum();
        Row totals = new Row(
                "合计",
                gifted,
                inService,
                retired,
                gifted + inService + retired,
                realName,
                percent(gifted + inService + retired, realName),
                0,
                null);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    DistrictEnrollmentReport report = queries.districtEnrollment(YEAR, ProjectionTables.LIVE);
                    assertThat(report.rows()).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(report.totals()).isEqualTo(totals);
                });
        // every row but 财贸 keeps the attachment's total (within the rounding of its three scaled columns)
        for (Object[] line : ATTACHMENT) {
            Row row = expected.stream()
                    .filter(r -> r.district().equals(line[0]))
                    .findFirst()
                    .orElseThrow();
            long attachmentTotal = scaled(line[4]);
            if (line[0].equals("财贸")) {
                assertThat(row.total() - row.giftedSpecialDisease())
                        .isBetween(attachmentTotal - 1, attachmentTotal + 1);
            } else {
                assertThat(row.total()).as("total of %s", line[0]).isBetween(attachmentTotal - 2, attachmentTotal + 2);
            }
        }

        ExportTable table = exports.districtEnrollment(YEAR);
        assertThat(table.headers().subList(0, 6)).containsExactly("系统", "特病赠送", "在职职工", "退休职工", "参保总人次数", "实名会员人数");
        assertThat(table.rows()).hasSize(ATTACHMENT.length + 1);
        for (Row r : expected) {
            assertThat(table.rows())
                    .contains(Arrays.asList(
                            r.district(),
                            r.giftedSpecialDisease(),
                            r.inService(),
                            r.retired(),
                            r.total(),
                            r.realNameMembers(),
                            r.enrollmentRate(),
                            0L,
                            null));
        }
    }
}
