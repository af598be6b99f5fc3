package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.contracts.Topics;
import cn.huzhu.identity.BankAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A Shaoxing member's year as the notices tell it, the four services as processes on a stack of their own, the platform's
 * day set to 2025-03-01: registered with a phone, enrolled (the member pays), the bank deduction failing, then collected,
 * a hospital stay claimed and approved, payout-service killed before the payout and started again, the benefit paid; the
 * service then started on the first reminder's day (D-30) and on the second's (D-7), and the member renewed. Each notice is
 * sent once with the text computed here by hand, the SMS port's log line included, even after every record of the member
 * is delivered a second time. A second member opts out and is told of the payment only.
 */
class MemberNoticesIT {

    private static final String PLAN = "shaoxing-hospital";
    private static final String DISTRICT = "越城区";
    private static final String PHONE = "13957512345";
    private static final String PHONE_MASKED = "139****2345";

    @Test
    void aMembersYearIsToldOnceNoticeByNoticeAcrossRestartsAndRedelivery() throws Exception {
        Path logs = Files.createTempDirectory("huzhu-notices");
        try (DrillPlatform platform = new DrillPlatform(logs, Map.of("BUSINESS_DATE", "2025-03-01"))) {
            Calls staff = new Calls(platform.staff);
            String enrollment = platform.url(DrillPlatform.ENROLLMENT);
            String unitId = staff.post(
                            enrollment + "/api/units",
                            Map.of(
                                    "name",
                                    "越城区通知演练单位工会",
                                    "district",
                                    DISTRICT,
                                    "nature",
                                    "NON_PUBLIC",
                                    "insuredHeadcount",
                                    10),
                            "Idempotency-Key",
                            "notice-unit")
                    .text("/unitId");

            String member = register(staff, enrollment, unitId, 1, PHONE);
            String quiet = register(staff, enrollment, unitId, 2, "13957500002");
            Calls self = new Calls(platform.stack.tokens().token("notice-member", "MEMBER", member, null, null));
            Calls quietSelf = new Calls(platform.stack.tokens().token("notice-quiet", "MEMBER", quiet, null, null));
            String payout = platform.url(DrillPlatform.PAYOUT);
            assertThat(quietSelf
                            .put(payout + "/api/notices/" + quiet + "/preferences", Map.of("optedOut", true))
                            .status())
                    .isEqualTo(200);
            assertThat(quietSelf.get(payout + "/api/notices/" + member).status())
                    .as("another member's notices")
                    .isEqualTo(404);

            // enrolled, the member paying: pending until the deduction succeeds
            Calls.Answer enrolled = staff.post(
                    enrollment + "/api/enrollments",
                    Map.of("memberId", member, "planId", PLAN, "shares", 1, "effectiveDate", "2025-03-01"));
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
            String enrollmentId = enrolled.text("/enrollment/enrollmentId");
            assertThat(enrolled.text("/enrollment/premiumStatus")).isEqualTo("PENDING");
            collect(staff, enrollment, enrollmentId, "FAILED", "DD-1", "INSUFFICIENT_FUNDS", "2025-03-01");
            collect(staff, enrollment, enrollmentId, "SUCCEEDED", "DD-2", null, "2025-03-01");
            Calls.Answer migrated = staff.post(
                    enrollment + "/api/enrollments/migrations",
                    Map.of(
                            "items",
                            List.of(Map.of(
                                    "memberId",
                                    quiet,
                                    "planId",
                                    PLAN,
                                    "shares",
                                    1,
                                    "effectiveDate",
                                    "2025-03-01",
                                    "paidOn",
                                    "2025-03-01",
                                    "paymentReference",
                                    "NOTICE-QUIET"))));
            assertThat(migrated.json().path("accepted").asInt())
                    .as(migrated.body())
                    .isEqualTo(1);

            for (String m : List.of(member, quiet)) {
                Calls owner = m.equals(member) ? self : quietSelf;
                assertThat(owner.put(
                                        enrollment + "/api/members/" + m + "/bank-account",
                                        Map.of(
                                                "bankName",
                                                "中国工商银行",
                                                "accountType",
                                                "CARD",
                                                "number",
                                                BankAccounts.card(m.equals(member) ? 710_001 : 710_002),
                                                "holderName",
                                                "通知演练"))
                                .status())
                        .isEqualTo(200);
            }
            JsonNode approved = claim(staff, platform, member);
            JsonNode quietApproved = claim(staff, platform, quiet);
            // claims decides on the real day (it has no business date): the notice names the day it was submitted
            java.time.LocalDate submitted =
                    java.time.LocalDate.parse(approved.path("submittedOn").asText());
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("ENROLLED", "【职工互助】您已参加绍兴市职工医疗互助保障1份，保障期2025年3月1日至2026年2月28日，互助金60.00元（本人缴纳60.00元）。缴费后保障生效。");
            expected.put(
                    "PREMIUM_COLLECTION_FAILED",
                    "【职工互助】您参加绍兴市职工医疗互助保障的互助金于2025年3月1日扣款未成功（账户余额不足），保障尚未生效。" + "请在银行卡中存足互助金后等待再次扣款，或联系所在工会缴纳。");
            expected.put(
                    "PREMIUM_COLLECTED", "【职工互助】您参加绍兴市职工医疗互助保障的互助金60.00元已于2025年3月1日缴纳，保障期2025年3月1日至2026年2月28日，保障已生效。");
            // co-pay 4 000.50 × 80 % rounded down = 3 200, plus 7 days × 25 = 175
            expected.put(
                    "CLAIM_APPROVED",
                    "【职工互助】您" + submitted.getYear() + "年" + submitted.getMonthValue() + "月" + submitted.getDayOfMonth()
                            + "日提交的互助金申请已核准，金额3375.00元，将汇入您登记的银行卡。");
            // a second stay whose benefit (80 % of a 30 000 co-pay, 24 000 and 250 a day) is above what claims decides
            // alone
            Calls.Answer large = staff.post(
                    platform.url(DrillPlatform.CLAIMS) + "/api/claims",
                    Map.of(
                            "memberId",
                            member,
                            "type",
                            "HOSPITALIZATION",
                            "eventDate",
                            "2025-08-01",
                            "dischargeDate",
                            "2025-08-11",
                            "hospitalDays",
                            10,
                            "bill",
                            Map.of(
                                    "total",
                                    "45000.00",
                                    "pooledFundPaid",
                                    "14000.00",
                                    "deductible",
                                    "1000.00",
                                    "coPay",
                                    "30000.00",
                                    "selfFunded",
                                    "0")));
            assertThat(large.text("/status")).as(large.body()).isEqualTo("IN_REVIEW");
            java.time.LocalDate received = java.time.LocalDate.parse(large.text("/submittedOn"));
            expected.put(
                    "CLAIM_IN_REVIEW",
                    "【职工互助】您" + received.getYear() + "年" + received.getMonthValue() + "月" + received.getDayOfMonth()
                            + "日提交的互助金申请已受理，需经工会审核后给付，审核结果将另行通知。");
            awaitNotices(payout, staff, member, n -> n.size() >= 5);

            // killed before its payout is sent (or while it is), then started again
            platform.killAndRestart(DrillPlatform.PAYOUT);
            expected.put(
                    "PAYOUT_SUCCEEDED",
                    "【职工互助】您的互助保障金3375.00元已汇入您尾号" + last4(BankAccounts.card(710_001)) + "的银行卡，请注意查收。");
            awaitNotices(payout, staff, member, n -> n.containsKey("PAYOUT_SUCCEEDED"));
            awaitNotices(payout, staff, quiet, n -> n.containsKey("PAYOUT_SUCCEEDED"));

            // 30 days before the cover's last day (2026-02-28), then 7 days before it
            platform.restartWith(DrillPlatform.PAYOUT, Map.of("BUSINESS_DATE", "2026-01-29"));
            expected.put("RENEWAL_FIRST", "【职工互助】您参加的绍兴市职工医疗互助保障保障将于2026年2月28日到期。请在到期前通过所在工会续保，以免保障中断。");
            awaitNotices(payout, staff, member, n -> n.containsKey("RENEWAL_FIRST"));
            assertThat(staff.post(payout + "/api/notices/renewal-reminders", null)
                            .json()
                            .path("sent")
                            .asInt())
                    .as("the same day again")
                    .isZero();
            platform.restartWith(DrillPlatform.PAYOUT, Map.of("BUSINESS_DATE", "2026-02-21"));
            expected.put("RENEWAL_SECOND", "【职工互助】提醒：您参加的绍兴市职工医疗互助保障保障还有7天（2026年2月28日）到期，尚未续保。请尽快通过所在工会续保，以免保障中断。");
            awaitNotices(payout, staff, member, n -> n.containsKey("RENEWAL_SECOND"));

            // renewed from the day after the cover ends: told of the new enrolment, and no reminder any more
            Calls.Answer renewed =
                    staff.post(enrollment + "/api/units/" + unitId + "/renewals", Map.of("planId", PLAN, "year", 2025));
            assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
            Map<String, List<JsonNode>> afterRenewal = awaitNotices(
                    payout,
                    staff,
                    member,
                    n -> n.getOrDefault("ENROLLED", List.of()).size() == 2);
            assertThat(afterRenewal.get("ENROLLED").get(0).path("text").asText())
                    .as("the renewal's notice, newest first")
                    .isEqualTo("【职工互助】您已参加绍兴市职工医疗互助保障1份，保障期2026年3月1日至2027年2月28日，互助金60.00元（本人缴纳60.00元）。缴费后保障生效。");
            assertThat(staff.post(payout + "/api/notices/renewal-reminders", null)
                            .json()
                            .path("sent")
                            .asInt())
                    .as("reminders after the renewal")
                    .isZero();

            // every record of the two members delivered a second time: nothing is told again
            int again = redeliver(platform.stack.bootstrapServers(), List.of(member, quiet));
            assertThat(again).isGreaterThanOrEqualTo(8);
            Thread.sleep(5_000);
            staff.post(payout + "/api/notices/renewal-reminders", null);

            Map<String, List<JsonNode>> told = notices(payout, staff, member);
            assertThat(told.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            told.forEach((kind, lines) -> assertThat(lines).as(kind).hasSize(kind.equals("ENROLLED") ? 2 : 1));
            expected.forEach((kind, text) -> {
                JsonNode oldest = told.get(kind).get(told.get(kind).size() - 1);
                assertThat(oldest.path("text").asText()).as(kind).isEqualTo(text);
                assertThat(oldest.path("outcome").asText()).as(kind).isEqualTo("SENT");
                assertThat(oldest.path("phone").asText()).as(kind).isEqualTo(PHONE_MASKED);
            });
            String log = Files.readString(logs.resolve("payout-service.log"), StandardCharsets.UTF_8);
            expected.forEach((kind, text) -> assertThat(count(log, "SMS to " + PHONE_MASKED + ": " + text))
                    .as("SMS sent for " + kind)
                    .isEqualTo(1));
            assertThat(log).as("the phone in full").doesNotContain(PHONE);

            Map<String, List<JsonNode>> quietTold = notices(payout, staff, quiet);
            // the quiet member: enrolled (and renewed with the unit), claimed, paid, reminded; told of the payment only
            assertThat(quietTold.keySet())
                    .containsExactlyInAnyOrder(
                            "ENROLLED", "CLAIM_APPROVED", "PAYOUT_SUCCEEDED", "RENEWAL_FIRST", "RENEWAL_SECOND");
            quietTold.forEach((kind, lines) -> assertThat(lines)
                    .as(kind)
                    .allSatisfy(n -> assertThat(n.path("outcome").asText())
                            .isEqualTo(kind.equals("PAYOUT_SUCCEEDED") ? "SENT" : "OPTED_OUT")));
            assertThat(quietTold.get("PAYOUT_SUCCEEDED")).hasSize(1);
            assertThat(count(log, "SMS to 139****0002: "))
                    .as("SMS to the quiet member")
                    .isEqualTo(1);
            assertThat(quietSelf
                            .get(payout + "/api/notices/" + quiet)
                            .json()
                            .path("optedOut")
                            .asBoolean())
                    .isTrue();
            assertThat(approved.path("claimId").asText())
                    .isNotEqualTo(quietApproved.path("claimId").asText());
        }
    }

    private static String register(Calls staff, String enrollment, String unitId, int n, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", IdNumberFixtures.idNumber("330602", "19800101", 500 + n));
        body.put("name", "通知演练");
        body.put("phone", phone);
        body.put("unitId", unitId);
        body.put("category", "IN_SERVICE");
        body.put("serviceCard", false);
        body.put("realNameVerified", true);
        Calls.Answer registered =
                staff.post(enrollment + "/api/members", body, "Idempotency-Key", "notice-member-" + n);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.text("/memberId");
    }

    private static void collect(
            Calls staff,
            String enrollment,
            String enrollmentId,
            String result,
            String reference,
            String reason,
            String on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("method", "BANK_DEDUCTION");
        body.put("reference", reference);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("on", on);
        Calls.Answer answer = staff.post(enrollment + "/api/enrollments/" + enrollmentId + "/collections", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** A 7-day stay in May 2025 with a co-pay of 4 000.50, sent until claims knows the member; answers the claim once approved. */
    private static JsonNode claim(Calls staff, DrillPlatform platform, String memberId) throws InterruptedException {
        Map<String, Object> claim = Map.of(
                "memberId",
                memberId,
                "type",
                "HOSPITALIZATION",
                "eventDate",
                "2025-05-10",
                "dischargeDate",
                "2025-05-17",
                "hospitalDays",
                7,
                "bill",
                Map.of(
                        "total",
                        "11800.50",
                        "pooledFundPaid",
                        "7000.00",
                        "deductible",
                        "800.00",
                        "coPay",
                        "4000.50",
                        "selfFunded",
                        "0"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Calls.Answer filed;
        do {
            filed = staff.post(platform.url(DrillPlatform.CLAIMS) + "/api/claims", claim);
            if (filed.status() == 200 || filed.status() == 201) {
                if ("APPROVED".equals(filed.text("/status"))) {
                    return filed.json();
                }
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("claim not approved: " + filed.status() + " " + filed.body());
    }

    private static Map<String, List<JsonNode>> awaitNotices(
            String payout, Calls staff, String memberId, Predicate<Map<String, List<JsonNode>>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Map<String, List<JsonNode>> notices = notices(payout, staff, memberId);
        while (!done.test(notices)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("notices of " + memberId + " so far: " + notices);
            }
            Thread.sleep(500);
            notices = notices(payout, staff, memberId);
        }
        return notices;
    }

    /** The member's notices by kind, newest first. */
    private static Map<String, List<JsonNode>> notices(String payout, Calls staff, String memberId) {
        Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
        try {
            Calls.Answer answer = staff.get(payout + "/api/notices/" + memberId);
            if (answer.status() == 200) {
                answer.json()
                        .path("notices")
                        .forEach(n -> byKind.computeIfAbsent(n.path("notice").asText(), k -> new ArrayList<>())
                                .add(n));
            }
        } catch (AssertionError unreachable) {
            // the service is starting again
        }
        return byKind;
    }

    /** Sends every record keyed by these members on the topics notices are made from once more; answers how many. */
    private static int redeliver(String bootstrap, List<String> members) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap, "group.id", "notice-redelivery-" + UUID.randomUUID()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.CONTACTS, Topics.BANK_ACCOUNTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (members.contains(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()));
            }
            producer.flush();
        }
        return records.size();
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static String last4(String card) {
        return card.substring(card.length() - 4);
    }
}
