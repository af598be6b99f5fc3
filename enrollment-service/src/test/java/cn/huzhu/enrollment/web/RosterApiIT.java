package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.identity.IdNumbers;
import cn.huzhu.vocabulary.BusinessZone;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.convention.TestBean;

/** Unit rosters over REST against real PostgreSQL and Kafka, on a day inside Quzhou's enrolment window (which closes 11-30). */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterApiIT extends IntegrationTestSupport {

    static final String PLAN = "quzhou-2020-hospital";

    static final LocalDate SUBMITTED_ON = LocalDate.of(2019, 10, 15);
    static final MovableClock CLOCK = new MovableClock(SUBMITTED_ON, BusinessZone.ZONE);

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        CLOCK.moveTo(SUBMITTED_ON);
        api = new Api(port);
    }

    /** Jiangshan ID numbers (330881), a block per test so tests never share people. */
    static String id(int n) {
        return IdNumbers.of("330881", LocalDate.of(1975, 1, 1).plusDays(n / 400), (n % 400) * 2 + 1);
    }

    static String badCheckCharacter(String id) {
        char last = id.charAt(17);
        return id.substring(0, 17) + (last == '1' ? '2' : '1');
    }

    String unit(int insuredHeadcount) {
        return api.post(
                        "/api/units",
                        Map.of(
                                "name",
                                "江山测试单位",
                                "district",
                                "江山市",
                                "nature",
                                "NON_PUBLIC",
                                "insuredHeadcount",
                                insuredHeadcount))
                .text("unitId");
    }

    Map<String, JsonNode> rowsByNo(JsonNode roster) {
        Map<String, JsonNode> rows = new HashMap<>();
        roster.path("rows").forEach(r -> rows.put(r.path("rowNo").asText(), r));
        return rows;
    }

    @Test
    void shouldEnrolTheValidRowsOfAWorkbookReportTheOthersAndEnrolOnlyTheNewRowsWhenCorrected() throws IOException {
        String unitId = unit(60);
        RosterWorkbook first = new RosterWorkbook().insuredStaff(60);
        for (int n = 1; n <= 48; n++) {
            first.add(RosterWorkbook.Line.of("职工" + n, "男", id(n), "1380000" + String.format("%04d", n)));
        }
        first.add(RosterWorkbook.Line.of("错码", "男", badCheckCharacter(id(49)), "13800000049"));
        first.add(RosterWorkbook.Line.of("重复", "男", id(1), "13800000050"));
        first.add(new RosterWorkbook.Line("数字", "男", id(51).substring(0, 17) + "0", "13800000051", "", true));
        first.add(RosterWorkbook.Line.of("性别", "女", id(52), "13800000052"));

        Api.Response submitted = api.upload(
                "/api/rosters?unitId=" + unitId + "&planId=" + PLAN,
                "江山测试单位工会2020.xlsx",
                RosterFiles.XLSX,
                first.bytes());

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode roster = submitted.json();
        assertThat(roster.path("status").asText()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(roster.path("format").asText()).isEqualTo("XLSX");
        assertThat(roster.path("counts").path("enrolled").asInt()).isEqualTo(48);
        assertThat(roster.path("counts").path("rejected").asInt()).isEqualTo(4);
        assertThat(roster.path("unitCheck").path("insuredStaff").asInt()).isEqualTo(60);
        assertThat(roster.path("unitCheck").path("required").asInt())
                .as("80 % of 60")
                .isEqualTo(48);
        assertThat(roster.path("unitCheck").path("passed").asBoolean()).isTrue();
        assertThat(roster.path("premiumTotal").asText()).isEqualTo("2400.00");
        assertThat(roster.path("application").path("unitName").asText()).isEqualTo("江山测试工会");
        Map<String, JsonNode> rows = rowsByNo(roster);
        assertThat(rows.get("49").path("code").asText()).isEqualTo("INVALID_ID_NUMBER");
        assertThat(rows.get("49").path("idNumber").asText()).as("masked").contains("*");
        assertThat(rows.get("50").path("code").asText()).isEqualTo("DUPLICATE_IN_ROSTER");
        assertThat(rows.get("50").path("message").asText()).contains("row 1");
        assertThat(rows.get("51").path("code").asText()).isEqualTo("ID_NUMBER_STORED_AS_NUMBER");
        assertThat(rows.get("52").path("code").asText()).isEqualTo("GENDER_MISMATCH");
        assertThat(submitted.headers().firstValue("Location"))
                .hasValue("/api/rosters/" + roster.path("rosterId").asText());

        String memberOfRow1 = rows.get("1").path("memberId").asText();
        JsonNode enrolment = api.get(
                        "/api/enrollments/" + rows.get("1").path("enrollmentId").asText())
                .json();
        assertThat(enrolment.path("planId").asText()).isEqualTo(PLAN);
        assertThat(enrolment.path("funding").toString())
                .as("a roster is paid by the unit, a non-public one with the union's subsidy")
                .contains("\"payer\":\"UNION\",\"amount\":\"7.00\"")
                .contains("\"payer\":\"UNIT\",\"amount\":\"43.00\"");

        String rosterId = roster.path("rosterId").asText();
        assertThat(enrolment.path("premiumStatus").asText())
                .as("until the unit pays")
                .isEqualTo("PENDING");
        assertThat(roster.path("payment").path("amountDue").asText())
                .as("48 x 43.00, the union pays 7 each")
                .isEqualTo("2064.00");
        Api.Response wrongAmount = api.post(
                "/api/rosters/" + rosterId + "/payments", Map.of("amount", "2400.00", "reference", "ZZ-2019-001"));
        Api.Response paidBeforeSubmission = api.post(
                "/api/rosters/" + rosterId + "/payments",
                Map.of("amount", "2064.00", "reference", "ZZ-2019-001", "paidOn", "2019-10-14"));
        Api.Response paidAhead = api.post(
                "/api/rosters/" + rosterId + "/payments",
                Map.of("amount", "2064.00", "reference", "ZZ-2019-001", "paidOn", "2019-10-17"));
        assertThat(paidBeforeSubmission.text("code")).isEqualTo("PAID_OUTSIDE_ROSTER");
        assertThat(paidAhead.text("code"))
                .as("a payment is recorded once it is made")
                .isEqualTo("PAID_OUTSIDE_ROSTER");
        CLOCK.moveTo(LocalDate.of(2019, 10, 17));
        Api.Response paid = api.post(
                "/api/rosters/" + rosterId + "/payments",
                Map.of("amount", "2064.00", "reference", "ZZ-2019-001", "paidOn", "2019-10-17"));
        Api.Response paidAgain = api.post(
                "/api/rosters/" + rosterId + "/payments",
                Map.of("amount", "2064.00", "reference", "ZZ-2019-001", "paidOn", "2019-10-17"));
        Api.Response paidTwice = api.post(
                "/api/rosters/" + rosterId + "/payments", Map.of("amount", "2064.00", "reference", "ZZ-2019-002"));
        assertThat(wrongAmount.status()).isEqualTo(422);
        assertThat(wrongAmount.text("code")).isEqualTo("PAYMENT_AMOUNT_MISMATCH");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("payment").path("paid").asBoolean()).isTrue();
        assertThat(paidAgain.status()).isEqualTo(200);
        assertThat(paidTwice.text("code")).isEqualTo("ALREADY_PAID");
        JsonNode collected = api.get(
                        "/api/enrollments/" + rows.get("1").path("enrollmentId").asText())
                .json();
        assertThat(collected.path("premiumStatus").asText()).isEqualTo("COLLECTED");
        assertThat(collected.path("coverageStart").asText())
                .as("Quzhou covers the calendar year 2020")
                .isEqualTo("2020-01-01");
        assertThat(collected.path("coverageEnd").asText()).isEqualTo("2020-12-31");
        assertThat(api.post(
                                "/api/rosters/00000000-0000-0000-0000-000000000003/payments",
                                Map.of("amount", "1.00", "reference", "x"))
                        .status())
                .isEqualTo(404);

        JsonNode again = api.get("/api/rosters/" + rosterId + "?rows=REJECTED").json();
        assertThat(again.path("counts").path("enrolled").asInt()).isEqualTo(48);
        assertThat(again.path("rows")).hasSize(4);

        try (XSSFWorkbook rejected = new XSSFWorkbook(new ByteArrayInputStream(
                api.getBytes(roster.path("rejectedRowsUrl").asText())))) {
            Sheet sheet = rejected.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("身份证号码");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            List<String> codes = new ArrayList<>();
            for (int r = 1; r <= 4; r++) {
                codes.add(sheet.getRow(r).getCell(6).getStringCellValue());
            }
            assertThat(codes)
                    .containsExactly(
                            "INVALID_ID_NUMBER",
                            "DUPLICATE_IN_ROSTER",
                            "ID_NUMBER_STORED_AS_NUMBER",
                            "GENDER_MISMATCH");
            Row badCheck = sheet.getRow(1);
            assertThat(badCheck.getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(badCheck.getCell(3).getStringCellValue())
                    .as("the unit sees what it sent, to correct it")
                    .isEqualTo(badCheckCharacter(id(49)));
        }

        RosterWorkbook corrected = new RosterWorkbook().insuredStaff(60);
        for (int n = 1; n <= 52; n++) {
            corrected.add(RosterWorkbook.Line.of("职工" + n, "男", id(n), "1380000" + String.format("%04d", n)));
        }
        JsonNode resubmitted = api.upload(
                        "/api/rosters?unitId=" + unitId + "&planId=" + PLAN,
                        "江山测试单位工会2020.xlsx",
                        RosterFiles.XLSX,
                        corrected.bytes())
                .json();

        assertThat(resubmitted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(resubmitted.path("counts").path("enrolled").asInt())
                .as("only the corrected rows are new")
                .isEqualTo(4);
        assertThat(resubmitted.path("counts").path("alreadyEnrolled").asInt()).isEqualTo(48);
        assertThat(resubmitted.path("unitCheck").path("enrolledAfter").asInt()).isEqualTo(52);
        assertThat(api.get("/api/members/" + memberOfRow1 + "/enrollments").json())
                .as("no second enrolment")
                .hasSize(1);
    }

    @Test
    void shouldRefuseARosterBelowEightyPercentOfTheInsuredStaffAndEnrolNobody() throws IOException {
        String unitId = unit(100);
        StringBuilder csv = new StringBuilder("序号,姓名,性别,身份证号码,手机号码,备注\n");
        for (int n = 1; n <= 79; n++) {
            csv.append(n)
                    .append(",职工")
                    .append(n)
                    .append(",男,")
                    .append(id(1000 + n))
                    .append(",,\n");
        }

        Api.Response submitted = api.post(
                "/api/rosters?unitId=" + unitId + "&planId=" + PLAN,
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode roster = submitted.json();
        assertThat(roster.path("status").asText()).isEqualTo("REJECTED");
        assertThat(roster.path("unitCheck").path("code").asText()).isEqualTo("UNIT_BELOW_REQUIRED_SHARE");
        assertThat(roster.path("unitCheck").path("required").asInt()).isEqualTo(80);
        assertThat(roster.path("unitCheck").path("insuredStaff").asInt())
                .as("the unit's registered headcount")
                .isEqualTo(100);
        assertThat(roster.path("counts").path("enrolled").asInt()).isZero();
        assertThat(roster.path("counts").path("rejected").asInt()).isEqualTo(79);
        JsonNode row = roster.path("rows").get(0);
        assertThat(row.path("code").asText()).isEqualTo("UNIT_BELOW_REQUIRED_SHARE");
        assertThat(api.get("/api/members/" + row.path("memberId").asText()).status())
                .as("nobody registered")
                .isEqualTo(404);

        try (XSSFWorkbook rejected = new XSSFWorkbook(new ByteArrayInputStream(
                api.getBytes("/api/rosters/" + roster.path("rosterId").asText() + "/rejected-rows.xlsx")))) {
            assertThat(rejected.getSheetAt(0).getLastRowNum()).isEqualTo(79);
        }
    }

    /**
     * A roster of 20 000 rows is one transaction of 40 000 events, committed while registrations commit around it: the
     * publisher meets its indexes as gaps far behind the newest event, and must wait for them rather than give them up.
     * Every enrolment reaches Kafka.
     */
    @Test
    void aRosterOf20000RowsCommittedWhileSingleRegistrationsRunIsPublishedWhole() throws Exception {
        int rows = Integer.getInteger("roster.publication.rows", 20_000);
        String unitId = unit(rows);
        List<Map<String, Object>> members = new ArrayList<>();
        for (int n = 1; n <= rows; n++) {
            members.add(Map.of("name", "职工" + n, "gender", "男", "idNumber", id(400_000 + n)));
        }
        String other = unit(100);
        java.util.concurrent.atomic.AtomicBoolean rosterDone = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger registered = new java.util.concurrent.atomic.AtomicInteger();
        // the single registrations come from a client of their own: on a fast machine they exceed the rate limit per
        // client (1 200 a minute), and the tests after this one, with the class's client, were answered 429
        Api single = new Api(port)
                .as(cn.huzhu.localstack.LocalStack.shared()
                        .tokens()
                        .token(
                                new cn.huzhu.localstack.LocalTokenIssuer.User(
                                        "concurrent-registrar", List.of("SCHEME_ADMIN"), null, null, null),
                                java.time.Duration.ofHours(1)));
        Thread singles = new Thread(() -> {
            for (int n = 1; !rosterDone.get() && n < 5_000; n++) {
                if (single.post(
                                        "/api/members",
                                        Map.of(
                                                "idNumber",
                                                id(300_000 + n),
                                                "name",
                                                "单独" + n,
                                                "unitId",
                                                other,
                                                "category",
                                                "IN_SERVICE"))
                                .status()
                        == 201) {
                    registered.incrementAndGet();
                }
            }
        });
        singles.start();
        JsonNode roster;
        try {
            roster = api.post("/api/rosters", Map.of("unitId", unitId, "planId", PLAN, "members", members))
                    .json();
        } finally {
            rosterDone.set(true);
            singles.join();
        }
        assertThat(roster.path("counts").path("enrolled").asInt())
                .as(roster.path("status").asText())
                .isEqualTo(rows);
        assertThat(registered.get()).as("registrations committed meanwhile").isPositive();

        java.util.Set<String> expected = new java.util.HashSet<>();
        roster.path("rows").forEach(r -> expected.add(r.path("enrollmentId").asText()));
        assertThat(expected).hasSize(rows);
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", cn.huzhu.localstack.LocalStack.shared().bootstrapServers());
        props.put("group.id", "roster-publication-" + java.util.UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("max.poll.records", 5000);
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, org.apache.avro.specific.SpecificRecord> consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                        props,
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        new cn.huzhu.contracts.kafka.ContractDeserializer())) {
            consumer.subscribe(List.of(cn.huzhu.contracts.Topics.MEMBERS));
            await().atMost(java.time.Duration.ofMinutes(3)).until(() -> {
                for (var record : consumer.poll(java.time.Duration.ofMillis(500))) {
                    if (record.value() instanceof cn.huzhu.contracts.enrollment.MemberEnrolled enrolled) {
                        expected.remove(enrolled.getEnrollmentId().toString());
                    }
                }
                return expected.isEmpty();
            });
        }
    }

    @Test
    void shouldRequireEveryoneInAUnitOfAtMostFiftyInServiceStaff() {
        String unitId = unit(10);
        List<Map<String, Object>> members = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            members.add(Map.of("name", "职工" + n, "gender", "男", "idNumber", id(2000 + n)));
        }

        JsonNode nine = api.post("/api/rosters", Map.of("unitId", unitId, "planId", PLAN, "members", members))
                .json();
        members.add(Map.of("name", "职工10", "gender", "男", "idNumber", id(2010)));
        JsonNode ten = api.post("/api/rosters", Map.of("unitId", unitId, "planId", PLAN, "members", members))
                .json();

        assertThat(nine.path("status").asText()).isEqualTo("REJECTED");
        assertThat(nine.path("unitCheck").path("required").asInt()).isEqualTo(10);
        assertThat(nine.path("unitCheck").path("message").asText()).contains("at most 50 in-service staff");
        assertThat(ten.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(ten.path("format").asText()).isEqualTo("JSON");
        assertThat(ten.path("counts").path("enrolled").asInt()).isEqualTo(10);
    }

    /** Quzhou whole unit (seed 004: 在职职工人数在50人以下的参保单位，须全体参加): 50 in-service staff is 50人以下, 51 is not. */
    @Test
    void quzhouUnitOfFiftyInServiceStaffEnrolsEveryoneAndOfFiftyOneEightyPercent() {
        String unitId = unit(50);
        List<Map<String, Object>> fortyNine = new ArrayList<>();
        for (int n = 1; n <= 49; n++) {
            fortyNine.add(Map.of("name", "职工" + n, "gender", "男", "idNumber", id(6000 + n)));
        }
        List<Map<String, Object>> forty = fortyNine.subList(0, 40);

        JsonNode fifty = api.post(
                        "/api/rosters",
                        Map.of(
                                "unitId",
                                unitId,
                                "planId",
                                PLAN,
                                "members",
                                fortyNine,
                                "application",
                                Map.of("staffTotal", 50, "staffInBasicInsurance", 50)))
                .json();
        JsonNode fiftyOne = api.post(
                        "/api/rosters",
                        Map.of(
                                "unitId",
                                unitId,
                                "planId",
                                PLAN,
                                "members",
                                forty,
                                "application",
                                Map.of("staffTotal", 51, "staffInBasicInsurance", 50)))
                .json();

        assertThat(fifty.path("status").asText()).as(fifty.toString()).isEqualTo("REJECTED");
        assertThat(fifty.path("unitCheck").path("required").asInt()).isEqualTo(50);
        assertThat(fiftyOne.path("status").asText()).as(fiftyOne.toString()).isEqualTo("ACCEPTED");
        assertThat(fiftyOne.path("unitCheck").path("required").asInt())
                .as("80 % of 50 insured")
                .isEqualTo(40);
    }

    /** Quzhou deadline (seed 004: 缴费时间…至2019年11月30日止。逾期不再受理): no roster and no premium after it. */
    @Test
    void quzhouTakesNoRosterAndNoPremiumAfter30November2019() {
        String unitId = unit(5);
        List<Map<String, Object>> members = new ArrayList<>();
        List<Map<String, Object>> others = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            members.add(Map.of("name", "职工" + n, "gender", "男", "idNumber", id(7000 + n)));
            others.add(Map.of("name", "职工" + n, "gender", "男", "idNumber", id(7100 + n)));
        }
        CLOCK.moveTo(LocalDate.of(2019, 11, 30));
        JsonNode lastDay = api.post("/api/rosters", Map.of("unitId", unitId, "planId", PLAN, "members", members))
                .json();
        CLOCK.moveTo(LocalDate.of(2019, 12, 2));
        Api.Response latePayment = api.post(
                "/api/rosters/" + lastDay.path("rosterId").asText() + "/payments",
                Map.of("amount", "215.00", "reference", "ZZ-2019-LATE", "paidOn", "2019-12-01"));
        JsonNode late = api.post("/api/rosters", Map.of("unitId", unit(5), "planId", PLAN, "members", others))
                .json();

        assertThat(lastDay.path("status").asText()).as(lastDay.toString()).isEqualTo("ACCEPTED");
        assertThat(lastDay.path("payment").path("amountDue").asText())
                .as("5 x 43.00, the union pays 7 each")
                .isEqualTo("215.00");
        assertThat(latePayment.status()).as(latePayment.body()).isEqualTo(422);
        assertThat(latePayment.text("code")).isEqualTo("PREMIUM_AFTER_DEADLINE");
        assertThat(api.get("/api/enrollments/"
                                + lastDay.path("rows")
                                        .get(0)
                                        .path("enrollmentId")
                                        .asText())
                        .json()
                        .path("premiumStatus")
                        .asText())
                .isEqualTo("PENDING");
        assertThat(late.path("status").asText()).isEqualTo("REJECTED");
        assertThat(late.path("rows").get(0).path("code").asText())
                .as(late.toString())
                .isEqualTo("OUTSIDE_ENROLLMENT_WINDOW");
    }

    @Test
    void shouldRejectRowsThePlanOrTheMembersUnitDoNotAllow() {
        String unitId = unit(2);
        String otherUnit = unit(5);
        assertThat(api.post(
                                "/api/members",
                                Map.of(
                                        "idNumber",
                                        id(3001),
                                        "name",
                                        "别家职工",
                                        "unitId",
                                        otherUnit,
                                        "category",
                                        "IN_SERVICE"))
                        .status())
                .isEqualTo(201);

        JsonNode retired = api.post(
                        "/api/rosters",
                        Map.of(
                                "unitId",
                                unitId,
                                "planId",
                                PLAN,
                                "category",
                                "RETIRED",
                                "members",
                                List.of(Map.of("name", "退休", "idNumber", id(3002)))))
                .json();
        JsonNode elsewhere = api.post(
                        "/api/rosters",
                        Map.of(
                                "unitId",
                                unitId,
                                "planId",
                                PLAN,
                                "members",
                                List.of(
                                        Map.of("name", "别家职工", "idNumber", id(3001)),
                                        Map.of("name", "本单位", "idNumber", id(3003)))))
                .json();

        assertThat(retired.path("rows").get(0).path("code").asText()).isEqualTo("CATEGORY_NOT_ELIGIBLE");
        assertThat(elsewhere.path("rows").get(0).path("code").asText()).isEqualTo("MEMBER_IN_OTHER_UNIT");
        assertThat(elsewhere.path("status").asText())
                .as("one of two insured staff is not enough in a small unit")
                .isEqualTo("REJECTED");
    }

    @Test
    void shouldChargeTheRenewalDiscountAndSplitTheNonPublicSubsidyFromTheImportedPayoutRatio() {
        String discounted = unit(10);
        String full = unit(10);
        Api.Response imported = api.put(
                "/api/units/" + discounted + "/payout-ratios/2018",
                Map.of("enrolled", 150, "payoutRatio", "0.35", "source", "江山市总工会 2018 年度报销率"));
        Api.Response again = api.put(
                "/api/units/" + discounted + "/payout-ratios/2018",
                Map.of("enrolled", 150, "payoutRatio", "0.35", "source", "江山市总工会 2018 年度报销率"));
        Api.Response tooHigh =
                api.put("/api/units/" + full + "/payout-ratios/2018", Map.of("enrolled", 150, "payoutRatio", "-0.1"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(api.put("/api/units/" + full + "/payout-ratios/2018", Map.of("enrolled", 150, "payoutRatio", "0.80"))
                        .status())
                .isEqualTo(200);

        List<Map<String, Object>> members = new ArrayList<>();
        List<Map<String, Object>> others = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            members.add(Map.of("name", "职工" + n, "idNumber", id(5000 + n)));
            others.add(Map.of("name", "职工" + n, "idNumber", id(5100 + n)));
        }
        JsonNode roster = api.post("/api/rosters", Map.of("unitId", discounted, "planId", PLAN, "members", members))
                .json();
        JsonNode fullPrice = api.post("/api/rosters", Map.of("unitId", full, "planId", PLAN, "members", others))
                .json();

        assertThat(roster.path("status").asText()).as(roster.toString()).isEqualTo("ACCEPTED");
        assertThat(roster.path("terms").path("premiumPerShare").asText()).isEqualTo("40.00");
        assertThat(roster.path("terms").path("subsidyPerPerson").asText())
                .as("1-99 enrolled")
                .isEqualTo("7.00");
        assertThat(roster.path("terms").path("applied")).hasSize(2);
        assertThat(roster.path("premiumTotal").asText()).isEqualTo("400.00");
        JsonNode enrolment = api.get("/api/enrollments/"
                        + roster.path("rows").get(0).path("enrollmentId").asText())
                .json();
        assertThat(enrolment.path("premium").asText()).isEqualTo("40.00");
        assertThat(enrolment.path("funding").toString())
                .contains("\"payer\":\"UNION\",\"amount\":\"7.00\"")
                .contains("\"payer\":\"UNIT\",\"amount\":\"33.00\"");
        assertThat(fullPrice.path("terms").path("premiumPerShare").isNull())
                .as("a payout ratio of 80 % earns no discount")
                .isTrue();
        assertThat(fullPrice.path("premiumTotal").asText()).isEqualTo("500.00");
    }

    @Test
    void shouldAnswerUnreadableAndUnknownInputWithProblems() {
        String unitId = unit(10);
        Api.Response emptySheet = api.upload(
                "/api/rosters?unitId=" + unitId + "&planId=" + PLAN,
                "roster.xlsx",
                RosterFiles.XLSX,
                new RosterWorkbook().insuredStaff(10).withoutMembers().bytes());
        Api.Response oldFormat = api.upload(
                "/api/rosters?unitId=" + unitId + "&planId=" + PLAN,
                "roster.xls",
                "application/vnd.ms-excel",
                new byte[] {1, 2, 3});
        Api.Response unknownUnit = api.post(
                "/api/rosters",
                Map.of(
                        "unitId",
                        "00000000-0000-0000-0000-000000000001",
                        "planId",
                        PLAN,
                        "members",
                        List.of(Map.of("name", "某", "idNumber", id(4001)))));
        Api.Response unknownPlan = api.post(
                "/api/rosters",
                Map.of(
                        "unitId",
                        unitId,
                        "planId",
                        "no-such-plan",
                        "members",
                        List.of(Map.of("name", "某", "idNumber", id(4002)))));
        Api.Response noMembers =
                api.post("/api/rosters", Map.of("unitId", unitId, "planId", PLAN, "members", List.of()));
        Api.Response noUnit = api.upload(
                "/api/rosters?planId=" + PLAN, "roster.xlsx", RosterFiles.XLSX, new RosterWorkbook().bytes());
        Api.Response badUnit = api.post(
                "/api/rosters?unitId=not-a-uuid&planId=" + PLAN,
                "text/csv",
                "name,idNumber\n".getBytes(StandardCharsets.UTF_8));

        assertThat(emptySheet.status()).isEqualTo(400);
        assertThat(emptySheet.text("type")).endsWith("/unreadable-roster");
        assertThat(emptySheet.text("detail")).contains("Sheet2");
        assertThat(oldFormat.status()).isEqualTo(400);
        assertThat(oldFormat.text("detail")).contains(".xlsx");
        assertThat(unknownUnit.status()).isEqualTo(422);
        assertThat(unknownPlan.status()).isEqualTo(422);
        assertThat(unknownPlan.text("code")).isEqualTo("UNKNOWN_PLAN");
        assertThat(noMembers.status()).isEqualTo(400);
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.json().path("errors").get(0).path("field").asText()).isEqualTo("unitId");
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.body()).contains("unitId");
        assertThat(api.get("/api/rosters/00000000-0000-0000-0000-000000000002").status())
                .isEqualTo(404);
    }
}
