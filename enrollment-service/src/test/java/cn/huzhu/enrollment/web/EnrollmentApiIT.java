package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.contracts.enrollment.MemberContactRegistered;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.contracts.enrollment.PremiumCollectionFailed;
import cn.huzhu.contracts.kafka.ContractDeserializer;
import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.identity.BankAccounts;
import cn.huzhu.identity.IdNumbers;
import cn.huzhu.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrollmentApiIT extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String unit(String district) {
        Api.Response unit = api.post(
                "/api/units",
                Map.of("name", "宁波港集团", "district", district, "nature", "PUBLIC", "insuredHeadcount", 120));
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        return unit.text("unitId");
    }

    Map<String, Object> member(String idNumber, String unitId, String category, boolean card, boolean verified) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", "张三");
        body.put("phone", "13800001234");
        body.put("unitId", unitId);
        body.put("category", category);
        body.put("serviceCard", card);
        body.put("realNameVerified", verified);
        return body;
    }

    String registered(String idNumber, String unitId, String category, boolean card, boolean verified) {
        Api.Response member = api.post("/api/members", member(idNumber, unitId, category, card, verified));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        return member.text("memberId");
    }

    static Map<String, Object> enrolment(
            String memberId, String planId, int shares, Integer termYears, String effectiveDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("planId", planId);
        body.put("shares", shares);
        body.put("termYears", termYears);
        body.put("effectiveDate", effectiveDate);
        return body;
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    @Test
    void shouldRegisterAMemberWithDerivedFactsAndMaskedPersonalData() {
        String unitId = unit("北仑");
        String id = IdNumbers.female(11);

        Api.Response created = api.post("/api/members", member(id, unitId, "IN_SERVICE", true, true));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/members/" + created.text("memberId"));
        Api.Response read = api.get("/api/members/" + created.text("memberId"));
        assertThat(read.text("district")).isEqualTo("北仑");
        assertThat(read.text("gender")).isEqualTo("FEMALE");
        assertThat(read.text("birthDate")).isEqualTo("1982-01-01");
        assertThat(read.text("idNumber")).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(read.text("phone")).isEqualTo("138****1234");
        assertThat(read.body()).doesNotContain(id).doesNotContain("13800001234");
    }

    @Test
    void shouldAnswerASecondRegistrationOfTheSameIdNumberWithTheExistingMember() {
        String unitId = unit("江北");
        String id = IdNumbers.male(12);
        String memberId = registered(id, unitId, "IN_SERVICE", false, false);

        Api.Response again = api.post("/api/members", member(id.toLowerCase(), unitId, "RETIRED", false, false));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("memberId")).isEqualTo(memberId);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    }

    @Test
    void shouldRefuseAnIdNumberWithAWrongCheckCharacterAndStoreNothing() {
        String unitId = unit("镇海");
        String valid = IdNumbers.male(13);
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        long before = storedEvents();

        Api.Response refused = api.post("/api/members", member(wrong, unitId, "IN_SERVICE", false, false));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("idNumber");
        assertThat(refused.body()).doesNotContain(wrong);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldNameEveryInvalidField() {
        Api.Response refused = api.post("/api/members", Map.of("idNumber", "", "category", "SOMETIMES"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("type")).endsWith("/malformed-request");

        Api.Response missing = api.post("/api/members", Map.of("idNumber", ""));
        assertThat(missing.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        missing.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("idNumber", "name", "unitId", "category");
    }

    @Test
    void shouldAnswerMalformedJsonWithAProblem() {
        Api.Response refused = api.post("/api/enrollments", "{\"memberId\": ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("title")).isEqualTo("Malformed request");
    }

    @Test
    void shouldRefuseAMemberOfAnUnknownUnit() {
        Api.Response refused = api.post(
                "/api/members", member(IdNumbers.male(14), UUID.randomUUID().toString(), "IN_SERVICE", false, false));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("unitId");
    }

    @Test
    void shouldLeaveHardshipAndModelWorkerStatusToTheUnionsOfficers() {
        String unitId = unit("镇海");
        Api clerk = api.as(LocalStack.shared().tokens().token("clerk-zh", "UNIT_CLERK", null, unitId, "镇海"));
        Map<String, Object> flagged = member(IdNumbers.male(41), unitId, "IN_SERVICE", false, false);
        flagged.put("hardship", true);

        Api.Response byClerk = clerk.post("/api/members", flagged);
        String memberId = registered(IdNumbers.male(41), unitId, "IN_SERVICE", false, false);
        Api.Response setByClerk = clerk.put(
                "/api/members/" + memberId + "/funding-status", Map.of("hardship", true, "modelWorker", false));
        Api.Response setByOfficer = api.as(
                        LocalStack.shared().tokens().token("officer-zh", "DISTRICT_OFFICER", null, null, "镇海"))
                .put("/api/members/" + memberId + "/funding-status", Map.of("hardship", true, "modelWorker", false));
        Api.Response quota = api.put(
                "/api/plans/guangdong-2018-hospital/quotas/2020",
                Map.of("district", "镇海", "unionMembers", 0, "hardship", 5, "modelWorkers", 0));
        Api.Response enrolled =
                api.post("/api/enrollments", enrolment(memberId, "guangdong-2018-hospital", 1, null, null));

        assertThat(quota.status()).as(quota.body()).isEqualTo(200);
        assertThat(byClerk.status()).as(byClerk.body()).isEqualTo(403);
        assertThat(byClerk.text("code")).isEqualTo("NOT_ENTITLED");
        assertThat(setByClerk.status()).isEqualTo(403);
        assertThat(setByOfficer.status()).as(setByOfficer.body()).isEqualTo(200);
        assertThat(setByOfficer.json().path("hardship").asBoolean()).isTrue();
        assertThat(enrolled.json().at("/enrollment/funding").toString())
                .as("the province pays all for a hardship worker")
                .isEqualTo("[{\"payer\":\"PROVINCE\",\"amount\":\"95.00\"}]");
    }

    /**
     * Guangdong (seed 003): the province's 75 goes to union members of units that pay their union dues in full, both from
     * the union's registers (officers and the administrator set them, never the clerk), and only while the city's quota
     * of the plan year lasts; the quotas together fit the 50 M budget. Everyone else pays the whole 95.
     */
    @Test
    void guangdongProvincePartFollowsTheUnionsRegistersAndTheCitysQuota() {
        String paying = unit("广州");
        String notPaying = unit("广州");
        Api clerk = api.as(LocalStack.shared().tokens().token("clerk-gz", "UNIT_CLERK", null, paying, "广州"));
        Api officer = api.as(LocalStack.shared().tokens().token("officer-gz", "DISTRICT_OFFICER", null, null, "广州"));
        Api otherOfficer =
                api.as(LocalStack.shared().tokens().token("officer-zh", "DISTRICT_OFFICER", null, null, "镇海"));
        Map<String, Object> union = Map.of("hardship", false, "modelWorker", false, "unionMember", true);
        String first = registered(IdNumbers.male(45), paying, "IN_SERVICE", false, false);
        String second = registered(IdNumbers.male(46), paying, "IN_SERVICE", false, false);
        String third = registered(IdNumbers.male(47), paying, "IN_SERVICE", false, false);
        String notAUnionMember = registered(IdNumbers.male(48), paying, "IN_SERVICE", false, false);
        String atANonPayingUnit = registered(IdNumbers.male(49), notPaying, "IN_SERVICE", false, false);
        Map<String, Object> claimedByClerk = member(IdNumbers.male(50), paying, "IN_SERVICE", false, false);
        claimedByClerk.put("unionMember", true);

        assertThat(clerk.post("/api/members", claimedByClerk).status())
                .as("a clerk cannot register a union member")
                .isEqualTo(403);
        assertThat(clerk.put("/api/members/" + first + "/funding-status", union).status())
                .isEqualTo(403);
        assertThat(clerk.put("/api/units/" + paying + "/dues-status", Map.of("paysDuesInFull", true))
                        .status())
                .isEqualTo(403);
        assertThat(otherOfficer
                        .put("/api/units/" + paying + "/dues-status", Map.of("paysDuesInFull", true))
                        .status())
                .isEqualTo(404);
        for (String memberId : List.of(first, second, third, atANonPayingUnit)) {
            Api.Response set = officer.put("/api/members/" + memberId + "/funding-status", union);
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().path("unionMember").asBoolean()).isTrue();
        }
        Api.Response dues = officer.put("/api/units/" + paying + "/dues-status", Map.of("paysDuesInFull", true));
        assertThat(dues.status()).as(dues.body()).isEqualTo(200);
        assertThat(dues.json().path("paysDuesInFull").asBoolean()).isTrue();

        String quotas = "/api/plans/guangdong-2018-hospital/quotas/2020";
        assertThat(officer.put(quotas, Map.of("district", "广州", "unionMembers", 2, "hardship", 0, "modelWorkers", 0))
                        .status())
                .isEqualTo(403);
        Api.Response overBudget =
                api.put(quotas, Map.of("district", "广州", "unionMembers", 666_667, "hardship", 0, "modelWorkers", 0));
        assertThat(overBudget.status()).as(overBudget.body()).isEqualTo(422);
        assertThat(overBudget.text("code")).isEqualTo("BUDGET_EXCEEDED");
        assertThat(overBudget.text("detail")).contains("50000025.00");
        assertThat(api.put(
                                "/api/plans/shaoxing-hospital/quotas/2020",
                                Map.of("district", "广州", "unionMembers", 2, "hardship", 0, "modelWorkers", 0))
                        .text("code"))
                .isEqualTo("NO_PROVINCE_QUOTAS");
        assertThat(api.put(quotas, Map.of("district", "火星", "unionMembers", 2, "hardship", 0, "modelWorkers", 0))
                        .text("code"))
                .isEqualTo("UNKNOWN_DISTRICT");
        Api.Response set =
                api.put(quotas, Map.of("district", "广州", "unionMembers", 2, "hardship", 0, "modelWorkers", 0));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("budget").decimalValue()).isEqualByComparingTo("50000000.00");

        String province75 =
                "[{\"payer\":\"PROVINCE\",\"amount\":\"75.00\"},{\"payer\":\"MEMBER\",\"amount\":\"20.00\"}]";
        String member95 = "[{\"payer\":\"MEMBER\",\"amount\":\"95.00\"}]";
        assertThat(funding(first)).isEqualTo(province75);
        assertThat(funding(notAUnionMember)).as("not a union member").isEqualTo(member95);
        assertThat(funding(atANonPayingUnit))
                .as("the unit does not pay its dues in full")
                .isEqualTo(member95);
        assertThat(funding(second)).as("the quota's last place").isEqualTo(province75);
        assertThat(funding(third)).as("the city's quota is spent").isEqualTo(member95);

        Api.Response seen = officer.get(quotas);
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        java.math.BigDecimal cost = java.util.stream.StreamSupport.stream(
                        seen.json().path("quotas").spliterator(), false)
                .map(q -> new java.math.BigDecimal(q.path("group").asText().equals("UNION_MEMBERS") ? "75" : "95")
                        .multiply(new java.math.BigDecimal(q.path("quota").asInt())))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertThat(seen.json().path("allocated").decimalValue())
                .as("every city's places at what the province pays for them")
                .isEqualByComparingTo(cost);
        JsonNode guangzhou = java.util.stream.StreamSupport.stream(
                        seen.json().path("quotas").spliterator(), false)
                .filter(q -> q.path("district").asText().equals("广州")
                        && q.path("group").asText().equals("UNION_MEMBERS"))
                .findFirst()
                .orElseThrow();
        assertThat(guangzhou.path("quota").asInt()).isEqualTo(2);
        assertThat(guangzhou.path("taken").asInt()).isEqualTo(2);
        Api.Response lowered =
                api.put(quotas, Map.of("district", "广州", "unionMembers", 1, "hardship", 0, "modelWorkers", 0));
        assertThat(lowered.text("code")).as(lowered.body()).isEqualTo("QUOTA_BELOW_TAKEN");
    }

    private String funding(String memberId) {
        Api.Response enrolled =
                api.post("/api/enrollments", enrolment(memberId, "guangdong-2018-hospital", 1, null, null));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json().at("/enrollment/funding").toString();
    }

    @Test
    void shouldRegisterTheMembersBankAccountMaskedEverywhereButOnThePayoutsTopic() {
        String memberId = registered(IdNumbers.male(40), unit("江北"), "IN_SERVICE", true, true);
        String card = BankAccounts.card(7);
        String wrongCheck = card.substring(0, 18) + (char) ('0' + (card.charAt(18) - '0' + 1) % 10);
        Map<String, Object> account =
                Map.of("bankName", "中国工商银行", "accountType", "CARD", "number", card, "holderName", "张三");

        Api.Response registered = api.put("/api/members/" + memberId + "/bank-account", account);
        long events = storedEvents();
        Api.Response again = api.put("/api/members/" + memberId + "/bank-account", account);
        Api.Response badCheck = api.put(
                "/api/members/" + memberId + "/bank-account",
                Map.of("bankName", "中国工商银行", "accountType", "CARD", "number", wrongCheck, "holderName", "张三"));
        Api.Response otherHolder = api.put(
                "/api/members/" + memberId + "/bank-account",
                Map.of("bankName", "中国工商银行", "accountType", "CARD", "number", card, "holderName", "李四"));
        Api.Response unknown = api.put("/api/members/" + UUID.randomUUID() + "/bank-account", account);

        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().path("bankAccount").isNull())
                .as("registered by staff: cooling off first")
                .isTrue();
        assertThat(registered.json().at("/pendingBankAccount/number").asText())
                .isEqualTo(card.substring(0, 4) + "*".repeat(11) + card.substring(15));
        assertThat(registered.json().at("/pendingBankAccount/effectiveOn").asText())
                .isEqualTo(LocalDate.parse(TODAY).plusDays(3).toString());
        assertThat(registered.body()).doesNotContain(card);
        assertThat(api.get("/api/members/" + memberId)
                        .json()
                        .at("/pendingBankAccount/bankName")
                        .asText())
                .isEqualTo("中国工商银行");
        assertThat(again.status()).isEqualTo(200);
        assertThat(storedEvents()).as("the same account again changes nothing").isEqualTo(events);
        assertThat(badCheck.status()).isEqualTo(400);
        assertThat(badCheck.json().at("/errors/0/field").asText()).isEqualTo("number");
        assertThat(badCheck.body()).doesNotContain(wrongCheck);
        assertThat(otherHolder.status()).isEqualTo(422);
        assertThat(otherHolder.json().path("code").asText()).isEqualTo("HOLDER_NOT_MEMBER");
        assertThat(unknown.status()).isEqualTo(404);
        MemberBankAccountRegistered published = (MemberBankAccountRegistered)
                consumeRecordsOf(Topics.BANK_ACCOUNTS, memberId, r -> r instanceof MemberBankAccountRegistered, 1)
                        .get(0);
        assertThat(published.getAccountNumber()).isEqualTo(card);
        assertThat(published.getDistrict()).isEqualTo("江北");
        assertThat(published.getPhone()).isEqualTo("13800001234");
        assertThat(published.getEffectiveFrom())
                .isEqualTo(LocalDate.parse(TODAY).plusDays(3));
        assertThat(published.getByMember()).as("the member is told").isFalse();
        // the phone of the member's registration goes to the notice sender on a topic of its own, and nowhere else
        MemberContactRegistered contact = (MemberContactRegistered)
                consumeRecordsOf(Topics.CONTACTS, memberId, r -> r instanceof MemberContactRegistered, 1)
                        .get(0);
        assertThat(contact.getPhone()).isEqualTo("13800001234");
        assertThat(consumeRecordsOf(memberId, r -> r instanceof MemberRegistered, 1)
                        .get(0)
                        .toString())
                .doesNotContain("13800001234");

        Api.Response byMember = api.as(LocalStack.shared().tokens().token("member-40", "MEMBER", memberId, null, null))
                .put(
                        "/api/members/" + memberId + "/bank-account",
                        Map.of(
                                "bankName",
                                "中国银行",
                                "accountType",
                                "CARD",
                                "number",
                                BankAccounts.card(8),
                                "holderName",
                                "张三"));
        assertThat(byMember.status()).as(byMember.body()).isEqualTo(200);
        assertThat(byMember.json().at("/bankAccount/number").asText())
                .as("the member sees their own number")
                .isEqualTo(BankAccounts.card(8));
        assertThat(byMember.json().path("pendingBankAccount").isNull())
                .as("the member's own change is in force at once")
                .isTrue();
    }

    @Test
    void shouldEnrolAndGiftASpecialDiseaseShareAndPublishBothToKafka() {
        String memberId = registered(IdNumbers.male(15), unit("海曙"), "IN_SERVICE", true, true);

        Api.Response created =
                api.post("/api/enrollments", enrolment(memberId, "ningbo-2020-inservice-hospital", 1, null, null));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/enrollment/premium").asText()).isEqualTo("50.00");
        assertThat(created.json().at("/enrollment/coverageEnd").asText()).isEqualTo("2021-03-31");
        assertThat(created.json().at("/enrollment/premiumStatus").asText()).isEqualTo("PENDING");
        assertThat(created.json().path("gifts"))
                .as("the gift comes with the payment")
                .isEmpty();
        Api.Response collected = api.post(
                "/api/enrollments/"
                        + created.json().at("/enrollment/enrollmentId").asText() + "/collections",
                Map.of("result", "SUCCEEDED", "reference", "DK-15"));
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        JsonNode held = api.get("/api/members/" + memberId + "/enrollments").json();
        assertThat(held).hasSize(2);
        JsonNode gift = held.get(0).path("gifted").asBoolean() ? held.get(0) : held.get(1);
        assertThat(gift.path("planId").asText()).isEqualTo("ningbo-2020-special-disease");
        assertThat(gift.at("/funding/0/payer").asText()).isEqualTo("UNION");
        assertThat(gift.at("/funding/0/amount").asText()).isEqualTo("20.00");
        assertThat(gift.path("premiumStatus").asText()).isEqualTo("COLLECTED");

        List<MemberEnrolled> published = consumeEnrolmentsOf(memberId, 2);
        assertThat(published).extracting(MemberEnrolled::getGifted).containsExactly(false, true);
        assertThat(published.get(1).getGiftOf()).isEqualTo(published.get(0).getEnrollmentId());
        assertThat(published.get(0).getDistrict()).isEqualTo("海曙");
    }

    @Test
    void shouldRefuseCoverStartingOnADayAlreadyPastAndMigrateAHistoricalEnrolmentWithItsPayment() {
        String memberId = registered(IdNumbers.male(18), unit("海曙"), "IN_SERVICE", true, true);

        Api.Response past =
                api.post("/api/enrollments", enrolment(memberId, "shaoxing-hospital", 1, null, "2020-03-01"));
        Map<String, Object> item = enrolment(memberId, "ningbo-2020-inservice-hospital", 1, null, "2020-03-01");
        item.put("paidOn", "2020-02-25");
        item.put("paymentReference", "LEGACY-17");
        Api.Response migrated = api.post("/api/enrollments/migrations", Map.of("items", List.of(item)));

        assertThat(past.status()).isEqualTo(422);
        assertThat(past.text("code")).isEqualTo("START_IN_PAST");
        assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
        assertThat(migrated.json().at("/results/0/giftIds"))
                .as("a migrated enrolment is paid, so it earns its gift")
                .hasSize(1);
        JsonNode enrolment = api.get("/api/enrollments/"
                        + migrated.json().at("/results/0/id").asText())
                .json();
        assertThat(enrolment.path("migrated").asBoolean()).isTrue();
        assertThat(enrolment.path("premiumStatus").asText()).isEqualTo("COLLECTED");
        assertThat(enrolment.path("collectedOn").asText()).isEqualTo("2020-02-25");
        assertThat(enrolment.path("collectionReference").asText()).isEqualTo("LEGACY-17");
        assertThat(enrolment.path("coverageStart").asText()).isEqualTo("2020-03-01");
    }

    @Test
    void shouldRefuseBadEnrolmentsClearlyAndStoreNothing() {
        String man = registered(IdNumbers.male(16), unit("鄞州"), "IN_SERVICE", false, false);
        long before = storedEvents();

        Api.Response unknownPlan = api.post("/api/enrollments", enrolment(man, "no-such-plan", 1, null, null));
        Api.Response tooMany =
                api.post("/api/enrollments", enrolment(man, "ningbo-2020-special-disease", 4, 1, "2020-04-01"));
        Api.Response manInWomensPlan =
                api.post("/api/enrollments", enrolment(man, "ningbo-2020-women", 1, 4, "2020-04-01"));
        Api.Response unknownMember = api.post(
                "/api/enrollments", enrolment(UUID.randomUUID().toString(), "shaoxing-hospital", 1, null, null));

        assertThat(unknownPlan.status()).isEqualTo(422);
        assertThat(unknownPlan.text("code")).isEqualTo("UNKNOWN_PLAN");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.text("code")).isEqualTo("TOO_MANY_SHARES");
        assertThat(tooMany.json().at("/errors/0/field").asText()).isEqualTo("shares");
        assertThat(manInWomensPlan.status()).isEqualTo(422);
        assertThat(manInWomensPlan.text("code")).isEqualTo("GENDER_NOT_ELIGIBLE");
        assertThat(unknownMember.status()).isEqualTo(422);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api.get("/api/members/" + man + "/enrollments").json()).isEmpty();
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameIdempotencyKeyAndRefuseItWithAnotherBody() {
        String memberId = registered(IdNumbers.male(17), unit("奉化"), "IN_SERVICE", false, false);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = enrolment(memberId, "shaoxing-hospital", 1, null, null);

        Api.Response first = api.post("/api/enrollments", body, "Idempotency-Key", key);
        Api.Response again = api.post("/api/enrollments", body, "Idempotency-Key", key);
        Api.Response other = api.post(
                "/api/enrollments", enrolment(memberId, "huzhou-major-disease", 1, null, null), "Idempotency-Key", key);
        Api.Response anotherCaller = api.as(
                        LocalStack.shared().tokens().token("another-admin", "SCHEME_ADMIN", null, null, null))
                .post(
                        "/api/enrollments",
                        enrolment(memberId, "huzhou-major-disease", 1, null, null),
                        "Idempotency-Key",
                        key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(other.status()).isEqualTo(422);
        assertThat(anotherCaller.status())
                .as("the key is the first caller's: another caller's request is its own")
                .isEqualTo(201);
        assertThat(anotherCaller.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(api.get("/api/members/" + memberId + "/enrollments").json()).hasSize(2);
    }

    @Test
    void shouldListThePlanCatalogueWithItsRules() {
        Api.Response plans = api.get("/api/plans");

        assertThat(plans.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        plans.json().forEach(p -> ids.add(p.path("planId").asText()));
        assertThat(ids)
                .contains(
                        "ningbo-2020-inservice-hospital",
                        "ningbo-2020-retiree-hospital",
                        "ningbo-2020-special-disease",
                        "ningbo-2020-women",
                        "wujin-2022",
                        "guangdong-2018-hospital",
                        "quzhou-2020-hospital",
                        "shaoxing-hospital",
                        "jinhua-2015-hospital",
                        "huzhou-major-disease");
        Api.Response wujin = api.get("/api/plans/wujin-2022");
        assertThat(wujin.json().at("/0/definition/benefits/0/type").asText()).isEqualTo("BRACKET_TOP_UP");
        assertThat(api.get("/api/plans/nope").status()).isEqualTo(404);
    }

    @Test
    void shouldServeOpenApiAndHealth() {
        assertThat(api.get("/v3/api-docs").body()).contains("/api/enrollments").contains("/api/members/batch");
        assertThat(api.get("/swagger-ui.html").status())
                .as("Swagger UI (or its redirect)")
                .isIn(200, 302);
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").text("status")).isEqualTo("UP");
    }

    @Test
    void shouldKeepAnEnrolmentPendingUntilItsPremiumIsCollected() {
        String memberId = registered(IdNumbers.male(501), unit("鄞州"), "IN_SERVICE", false, false);
        Api.Response enrolled = api.post("/api/enrollments", enrolment(memberId, "shaoxing-hospital", 1, null, null));
        String enrollmentId =
                enrolled.json().path("enrollment").path("enrollmentId").asText();
        String collections = "/api/enrollments/" + enrollmentId + "/collections";

        Api.Response failed =
                api.post(collections, Map.of("result", "FAILED", "reference", "DK-1", "reason", "INSUFFICIENT_FUNDS"));
        Api.Response noReason = api.post(collections, Map.of("result", "FAILED", "reference", "DK-1b"));
        Api.Response collected = api.post(collections, Map.of("result", "SUCCEEDED", "reference", "DK-2"));
        Api.Response again = api.post(collections, Map.of("result", "SUCCEEDED", "reference", "DK-2"));
        Api.Response another = api.post(collections, Map.of("result", "SUCCEEDED", "reference", "DK-3"));

        assertThat(enrolled.json().path("enrollment").path("premiumStatus").asText())
                .isEqualTo("PENDING");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.text("premiumStatus")).isEqualTo("PENDING");
        assertThat(failed.text("collectionFailure")).contains("INSUFFICIENT_FUNDS");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(collected.text("premiumStatus")).isEqualTo("COLLECTED");
        assertThat(collected.json().path("collectionFailure").isNull()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(another.status()).isEqualTo(422);
        assertThat(another.text("code")).isEqualTo("ALREADY_COLLECTED");
        List<SpecificRecord> published = consumeRecordsOf(
                memberId, r -> r instanceof PremiumCollected || r instanceof PremiumCollectionFailed, 2);
        assertThat(published).hasSize(2);
        assertThat(published.get(0))
                .isInstanceOfSatisfying(
                        PremiumCollectionFailed.class,
                        f -> assertThat(f.getReason()).isEqualTo("INSUFFICIENT_FUNDS"));
        assertThat(published.get(1)).isInstanceOfSatisfying(PremiumCollected.class, c -> {
            assertThat(c.getReference()).isEqualTo("DK-2");
            assertThat(c.getAmount()).isEqualByComparingTo("60.00");
            assertThat(c.getMethod()).isEqualTo("BANK_DEDUCTION");
        });
    }

    @Test
    void shouldRecordTheBanksDeductionResultsForManyEnrolmentsInOneRequestEachOnce() {
        String unitId = unit("鄞州");
        String paying = registered(IdNumbers.male(511), unitId, "IN_SERVICE", false, false);
        String failing = registered(IdNumbers.male(512), unitId, "IN_SERVICE", false, false);
        String paid = pendingEnrolment(paying);
        String unpaid = pendingEnrolment(failing);
        Map<String, Object> body = Map.of(
                "items",
                List.of(
                        Map.of("enrollmentId", paid, "result", "SUCCEEDED", "reference", "PL-1"),
                        Map.of(
                                "enrollmentId",
                                unpaid,
                                "result",
                                "FAILED",
                                "reference",
                                "PL-2",
                                "reason",
                                "ACCOUNT_CLOSED"),
                        Map.of(
                                "enrollmentId",
                                UUID.randomUUID().toString(),
                                "result",
                                "SUCCEEDED",
                                "reference",
                                "PL-3"),
                        Map.of("enrollmentId", paid, "result", "SUCCEEDED", "reference", "PL-4")));

        Api.Response first = api.post("/api/enrollments/collections", body);
        long eventsAfterFirst = storedEvents();
        Api.Response again = api.post("/api/enrollments/collections", body);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(first.json().path("refused").asInt()).isEqualTo(2);
        JsonNode results = first.json().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(0).path("id").asText()).isEqualTo(paid);
        assertThat(results.get(1).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(2).path("code").asText()).isEqualTo("UNKNOWN_ENROLLMENT");
        assertThat(results.get(3).path("code").asText()).isEqualTo("ALREADY_COLLECTED");
        assertThat(api.get("/api/enrollments/" + paid).text("premiumStatus")).isEqualTo("COLLECTED");
        Api.Response stillPending = api.get("/api/enrollments/" + unpaid);
        assertThat(stillPending.text("premiumStatus")).isEqualTo("PENDING");
        assertThat(stillPending.text("collectionFailure")).contains("ACCOUNT_CLOSED");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("results")).isEqualTo(results);
        assertThat(storedEvents()).as("the same results again change nothing").isEqualTo(eventsAfterFirst);
        assertThat(consumeRecordsOf(paying, r -> r instanceof PremiumCollected, 1))
                .singleElement()
                .isInstanceOfSatisfying(
                        PremiumCollected.class,
                        c -> assertThat(c.getReference()).isEqualTo("PL-1"));
    }

    @Test
    void shouldRefuseAnEmptyOrOversizedCollectionBatchAsAWhole() {
        Api.Response empty = api.post("/api/enrollments/collections", Map.of("items", List.of()));
        Api.Response noReference = api.post(
                "/api/enrollments/collections",
                Map.of("items", List.of(Map.of("enrollmentId", UUID.randomUUID().toString(), "result", "SUCCEEDED"))));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(noReference.status()).isEqualTo(400);
    }

    private String pendingEnrolment(String memberId) {
        Api.Response enrolled = api.post("/api/enrollments", enrolment(memberId, "shaoxing-hospital", 1, null, null));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json().path("enrollment").path("enrollmentId").asText();
    }

    private List<MemberEnrolled> consumeEnrolmentsOf(String memberId, int expected) {
        return consumeRecordsOf(memberId, r -> r instanceof MemberEnrolled, expected).stream()
                .map(MemberEnrolled.class::cast)
                .toList();
    }

    private List<SpecificRecord> consumeRecordsOf(
            String memberId, java.util.function.Predicate<SpecificRecord> wanted, int expected) {
        return consumeRecordsOf(Topics.MEMBERS, memberId, wanted, expected);
    }

    private List<SpecificRecord> consumeRecordsOf(
            String topic, String memberId, java.util.function.Predicate<SpecificRecord> wanted, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("group.id", "api-it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<SpecificRecord> found = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ContractDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(memberId) && wanted.test(record.value())) {
                        found.add(record.value());
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}
