package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.localstack.LocalTokenIssuer;
import cn.huzhu.localstack.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units and members in several districts registered over REST, enrolled, and the district table read back
 * from the reporting service, with each service running as its own process on real Kafka and PostgreSQL.
 */
class PlatformEndToEndIT {

    static final int YEAR = 2020;

    @TempDir
    static Path logs;

    static RunningPlatform platform;
    static final List<String> idNumbersUsed = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform = new RunningPlatform(logs, ServiceProcess.QUICK_START, true, true);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    static String idNumber(String region, String birth, int sequence) {
        String id = IdNumberFixtures.idNumber(region, birth, sequence);
        idNumbersUsed.add(id);
        return id;
    }

    static String enrollment() {
        return platform.enrollment.baseUrl();
    }

    static String unit(String district) {
        Http.Response unit = Http.post(
                enrollment() + "/api/units",
                Map.of("name", district + "示范单位工会", "district", district, "nature", "PUBLIC", "insuredHeadcount", 80));
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        return unit.json().path("unitId").asText();
    }

    static String member(String unitId, String idNumber, String category, boolean card, boolean verified) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", "测试会员");
        body.put("phone", "13912345678");
        body.put("unitId", unitId);
        body.put("category", category);
        body.put("serviceCard", card);
        body.put("realNameVerified", verified);
        Http.Response member = Http.post(enrollment() + "/api/members", body);
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        return member.json().path("memberId").asText();
    }

    /** An enrolment of 2020, paid then: migrated by the scheme administrator with its payment. */
    static void enrol(String memberId, String planId, int shares, Integer termYears, String effectiveDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        body.put("planId", planId);
        body.put("shares", shares);
        body.put("termYears", termYears);
        body.put("effectiveDate", effectiveDate);
        body.put("paidOn", effectiveDate);
        body.put("paymentReference", "LEGACY-" + memberId + "-" + planId);
        Http.Response migrated =
                Http.post(enrollment() + "/api/enrollments/migrations", Map.of("items", List.of(body)));
        assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
        assertThat(migrated.json().path("accepted").asInt()).as(migrated.body()).isEqualTo(1);
    }

    static JsonNode table() {
        Http.Response report = Http.get(platform.reporting.baseUrl() + "/api/reports/district-enrollment?year=" + YEAR);
        assertThat(report.status()).isEqualTo(200);
        return report.json();
    }

    static Map<String, List<Long>> rows(JsonNode table) {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        for (JsonNode row : table.path("rows")) {
            rows.put(
                    row.path("district").asText(),
                    List.of(
                            row.path("giftedSpecialDisease").asLong(),
                            row.path("inService").asLong(),
                            row.path("retired").asLong(),
                            row.path("total").asLong()));
        }
        return rows;
    }

    @Test
    void shouldPublishTheDistrictTableOfEnrolmentsMadeOverRest() throws Exception {
        String haishu = unit("海曙");
        String jiangbei = unit("江北");
        String beilun = unit("北仑");

        // 海曙: two in-service members with card and verification (each earns a gifted special-disease share), one
        // retiree.
        String a = member(haishu, idNumber("330203", "19800101", 11), "IN_SERVICE", true, true);
        String b = member(haishu, idNumber("330203", "19820202", 22), "IN_SERVICE", true, true);
        String c = member(haishu, idNumber("330203", "19550303", 31), "RETIRED", false, true);
        enrol(a, "ningbo-2020-inservice-hospital", 1, null, "2020-04-01");
        enrol(b, "ningbo-2020-inservice-hospital", 1, null, "2020-04-01");
        enrol(b, "ningbo-2020-women", 2, 4, "2020-04-01");
        enrol(c, "ningbo-2020-retiree-hospital", 1, null, "2020-04-15");
        // 江北: no service card, so no gift.
        String d = member(jiangbei, idNumber("330205", "19900505", 13), "IN_SERVICE", false, true);
        enrol(d, "ningbo-2020-inservice-hospital", 1, null, "2020-05-01");
        enrol(d, "ningbo-2020-special-disease", 3, 3, "2020-05-01");
        // 北仑: two retirees.
        String e = member(beilun, idNumber("330206", "19520606", 15), "RETIRED", false, false);
        String f = member(beilun, idNumber("330206", "19530707", 26), "RETIRED", false, false);
        enrol(e, "ningbo-2020-retiree-hospital", 1, null, "2020-03-01");
        enrol(f, "ningbo-2020-retiree-hospital", 1, null, "2020-03-01");

        Map<String, List<Long>> expected = new LinkedHashMap<>();
        expected.put("北仑", List.of(0L, 0L, 2L, 2L));
        expected.put("江北", List.of(0L, 2L, 0L, 2L));
        expected.put("海曙", List.of(2L, 3L, 1L, 6L));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(rows(table())).containsAllEntriesOf(expected));
        JsonNode totals = table().path("totals");
        assertThat(totals.path("total").asLong())
                .isEqualTo(totals.path("giftedSpecialDisease").asLong()
                        + totals.path("inService").asLong()
                        + totals.path("retired").asLong());

        redeliverAnEnrolmentAndSendAPoisonRecord();
        String g = member(beilun, idNumber("330206", "19540808", 17), "RETIRED", false, false);
        enrol(g, "ningbo-2020-retiree-hospital", 1, null, "2020-03-01");
        expected.put("北仑", List.of(0L, 0L, 3L, 3L));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(rows(table())).containsAllEntriesOf(expected));
        assertThat(rows(table()))
                .as("the redelivered enrolment is counted once")
                .containsAllEntriesOf(expected);
        assertThat(deadLetterKeys()).contains("poison-e2e");

        Http.Response rebuilt = Http.post(
                platform.reporting.baseUrl() + "/api/admin/projections/district-enrollment/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().path("differences")).isEmpty();
        assertThat(rows(table())).containsAllEntriesOf(expected);

        // Target completion: 海曙's unit has 6 enrolments in 2020 (two paid, two gifts, one women's plan, one retiree).
        Http.Response target = Http.post(
                enrollment() + "/api/targets", Map.of("scope", "UNIT", "unitId", haishu, "year", YEAR, "target", 8));
        assertThat(target.status()).as(target.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = Http.get(
                            platform.reporting.baseUrl() + "/api/reports/targets?year=" + YEAR + "&district=海曙")
                    .json();
            assertThat(report.at("/units/0/name").asText()).isEqualTo("海曙示范单位工会");
            assertThat(report.at("/units/0/completed").asLong()).isEqualTo(6);
            assertThat(report.at("/units/0/completionRate").asText()).isEqualTo("75.00");
        });

        // Claims: a hospital stay of member a under the in-service plan, and a diagnosis under the gifted
        // special-disease
        // share inside its waiting period. The claims service learns the cover from Kafka; until then a claim is
        // rejected, and sending it again decides it again.
        Map<String, Object> stay = Map.of(
                "memberId",
                a,
                "type",
                "HOSPITALIZATION",
                "eventDate",
                "2020-06-01",
                "dischargeDate",
                "2020-06-08",
                "hospitalDays",
                7,
                "bill",
                Map.of(
                        "total",
                        "12000.00",
                        "pooledFundPaid",
                        "7000.00",
                        "deductible",
                        "800.00",
                        "coPay",
                        "5000.00",
                        "selfFunded",
                        "0"));
        Map<String, Object> diagnosis = Map.of(
                "memberId", a, "type", "CRITICAL_ILLNESS", "eventDate", "2020-05-15", "diseaseCode", "MALIGNANT_TUMOR");
        JsonNode hospital = awaitApproved(stay);
        JsonNode illness = awaitApproved(diagnosis);
        assertThat(hospital.path("total").asText()).as(hospital.toString()).isEqualTo("2800.00");
        assertThat(illness.path("total").asText())
                .as("condolence on day 44 of 90")
                .isEqualTo("1000.00");
        assertThat(Http.post(platform.claims.baseUrl() + "/api/claims", stay).status())
                .as("the same claim again")
                .isEqualTo(200);

        // Who may do what, on the running processes: a unit clerk of 海曙 reaches its members only, a district officer
        // its
        // district only, the dashboard viewer reads reports only, nobody without a token; the member's card is masked.
        LocalTokenIssuer tokens = platform.stack.tokens();
        String card = "6222021234567890128";
        assertThat(Http.put(
                                enrollment() + "/api/members/" + a + "/bank-account",
                                Map.of(
                                        "bankName",
                                        "中国工商银行",
                                        "accountType",
                                        "CARD",
                                        "number",
                                        card,
                                        "holderName",
                                        "测试会员"))
                        .status())
                .isEqualTo(200);
        String clerk = tokens.token("e2e-clerk", "UNIT_CLERK", null, haishu, "海曙");
        assertThat(Http.getAs(clerk, enrollment() + "/api/members/" + a).status())
                .isEqualTo(200);
        assertThat(Http.getAs(clerk, enrollment() + "/api/members/" + a).body())
                .doesNotContain(card)
                .contains("*");
        assertThat(Http.getAs(clerk, enrollment() + "/api/members/" + d).status())
                .as("a member of 江北")
                .isEqualTo(404);
        String officer = tokens.token("e2e-officer", "DISTRICT_OFFICER", null, null, "江北");
        assertThat(Http.getAs(officer, enrollment() + "/api/members/" + d).status())
                .isEqualTo(200);
        assertThat(Http.getAs(officer, enrollment() + "/api/members/" + a).status())
                .as("a member of 海曙")
                .isEqualTo(404);
        assertThat(Http.getAs(
                                officer,
                                platform.claims.baseUrl() + "/api/claims/"
                                        + hospital.path("claimId").asText())
                        .status())
                .isEqualTo(404);
        String viewer = tokens.token("e2e-viewer", "DASHBOARD_VIEWER", null, null, null);
        assertThat(Http.getAs(viewer, platform.reporting.baseUrl() + "/api/reports/district-enrollment?year=" + YEAR)
                        .status())
                .isEqualTo(200);
        assertThat(Http.postAs(viewer, platform.claims.baseUrl() + "/api/claims", stay)
                        .status())
                .isEqualTo(403);
        assertThat(Http.getAs(null, enrollment() + "/api/members/" + a).status())
                .isEqualTo(401);
        JsonNode audit = Http.get(enrollment() + "/api/audit?actor=system-staff&limit=500")
                .json();
        assertThat(audit)
                .extracting(entry ->
                        entry.path("method").asText() + " " + entry.path("path").asText())
                .contains("POST /api/units", "POST /api/members", "PUT /api/members/" + a + "/bank-account");

        // the logs of every process hold no full ID number and no card number
        for (ServiceLog log : List.of(
                new ServiceLog(platform.enrollment.log()),
                new ServiceLog(platform.reporting.log()),
                new ServiceLog(platform.claims.log()))) {
            assertThat(idNumbersUsed).as("full ID numbers in " + log.path()).noneMatch(log.text()::contains);
            assertThat(log.text()).as("card numbers in " + log.path()).doesNotContain(card);
        }
    }

    static JsonNode awaitApproved(Map<String, Object> claim) {
        JsonNode[] decided = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Http.Response response = Http.post(platform.claims.baseUrl() + "/api/claims", claim);
                    decided[0] = response.json();
                    return "APPROVED".equals(decided[0].path("status").asText());
                });
        return decided[0];
    }

    record ServiceLog(Path path) {
        String text() {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Sends an already published enrolment again, byte for byte, as a redelivery would, then a record that is not Avro. */
    private static void redeliverAnEnrolmentAndSendAPoisonRecord() throws Exception {
        ConsumerRecord<String, byte[]> enrolment = null;
        Properties props = consumerProps();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEMBERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (enrolment == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (EventCodec.contracts().decode(record.value()) instanceof MemberEnrolled enrolled
                            && "北仑".equals(enrolled.getDistrict())
                            && enrolled.getCoverageStart().equals(LocalDate.of(2020, 3, 1))) {
                        enrolment = record;
                        break;
                    }
                }
            }
        }
        assertThat(enrolment).as("an enrolment of 北仑 on the member topic").isNotNull();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", platform.stack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MEMBERS, enrolment.key(), enrolment.value()))
                    .get();
            producer.send(new ProducerRecord<>(
                            Topics.MEMBERS, "poison-e2e", "not an event".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private static List<String> deadLetterKeys() {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerProps(), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.MEMBERS)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return keys.contains("poison-e2e");
            });
        }
        return keys;
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put("bootstrap.servers", platform.stack.bootstrapServers());
        props.put("group.id", "e2e-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        return props;
    }
}
