package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.regional.BatchRow;
import cn.huzhu.contracts.regional.EnrollmentBatchProcessed;
import cn.huzhu.contracts.regional.EnrollmentBatchSubmitted;
import cn.huzhu.contracts.regional.HospitalSettlementAnswered;
import cn.huzhu.contracts.regional.HospitalSettlementSubmitted;
import cn.huzhu.identity.BankAccounts;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import cn.huzhu.localstack.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The platform tried as its users and its attackers would, each role with its own token, over REST and Kafka against the
 * services running from their jars: nobody is covered without paying, nobody approves their own money. One test per abuse
 * case. The enrolment and payout services take {@link #TODAY} as today so that the seed plans' windows are open. The
 * tests keep to districts of their own (the end-to-end test counts 海曙, 江北 and 北仑 in the same database).
 */
class AbuseCasesIT {

    static final LocalDate TODAY = LocalDate.of(2020, 5, 15);
    static final LocalTokenIssuer TOKENS = LocalStack.shared().tokens();
    static final Calls ADMIN = as("abuse-admin", "SCHEME_ADMIN", null, null, null);
    static final Calls FINANCE = as("abuse-finance", "FINANCE", null, null, null);
    static final Calls ADJUDICATOR_A = as("adjudicator-a", "ADJUDICATOR", null, null, null);
    static final Calls ADJUDICATOR_B = as("adjudicator-b", "ADJUDICATOR", null, null, null);
    static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 400));

    @TempDir
    static Path logs;

    static RunningPlatform platform;
    static PayoutHarness payouts;

    @BeforeAll
    static void start() {
        platform = new RunningPlatform(
                logs, ServiceProcess.QUICK_START, true, true, Map.of("BUSINESS_DATE", TODAY.toString()));
        payouts = new PayoutHarness(logs, ServiceProcess.QUICK_START, Map.of("BUSINESS_DATE", TODAY.toString()));
        payouts.start();
    }

    @AfterAll
    static void stop() {
        if (payouts != null) {
            payouts.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * 1. Retroactive, unpaid cover: a member, a unit clerk's roster and a district office's batch cannot start cover on a
     * day already past; only the scheme administrator migrates a historical enrolment, with its payment day and reference.
     */
    @Test
    void item1_nobodyButTheMigrationStartsCoverOnADayAlreadyPast() {
        String unit = unit("东钱湖");
        Person member = person(unit, "IN_SERVICE");

        Calls.Answer own = member.calls()
                .post(enrollment("/api/enrollments"), enrolment(member.id(), "shaoxing-hospital", "2020-03-01"));
        assertThat(own.status()).as(own.body()).isEqualTo(422);
        assertThat(own.code()).isEqualTo("START_IN_PAST");
        assertThat(ADMIN.get(enrollment("/api/members/" + member.id() + "/enrollments"))
                        .json())
                .as("nothing recorded")
                .isEmpty();

        Calls clerk = clerk(unit, "东钱湖");
        Calls.Answer roster =
                clerk.post(enrollment("/api/rosters"), roster(unit, "shaoxing-hospital", "2020-03-01", newIdNumber()));
        assertThat(roster.status()).as(roster.body()).isEqualTo(422);
        assertThat(roster.code()).isEqualTo("START_IN_PAST");

        String batchId = "hs-past-" + UUID.randomUUID();
        sendBatch(
                "东钱湖",
                batchId,
                List.of(batchRow(1, newIdNumber(), unit, "shaoxing-hospital", LocalDate.of(2020, 3, 1))));
        EnrollmentBatchProcessed answer = batchAnswer("东钱湖", batchId);
        assertThat(answer.getRows())
                .extracting(r -> r.getStatus() + ":" + r.getCode())
                .containsExactly("REJECTED:START_IN_PAST");

        Calls.Answer stay = ADJUDICATOR_A.post(
                claims("/api/claims"), hospitalStay(member.id(), "2020-03-10", "2020-03-15", "1200.00"));
        assertThat(stay.text("/status")).as(stay.body()).isEqualTo("PENDING_COVERAGE");
        assertThat(stay.text("/rejection/code"))
                .as("no cover has come, and none will")
                .isEqualTo("COVERAGE_NOT_YET_KNOWN");

        // The scheme administrator's migration of an enrolment paid in the legacy system keeps that payment.
        Person migrated = person(unit, "IN_SERVICE");
        Map<String, Object> item = enrolment(migrated.id(), "shaoxing-hospital", "2020-03-01");
        item.put("paidOn", "2020-02-20");
        item.put("paymentReference", "LEGACY-2020-0001");
        assertThat(clerk.post(enrollment("/api/enrollments/migrations"), Map.of("items", List.of(item)))
                        .status())
                .as("a clerk may not migrate")
                .isEqualTo(403);
        Calls.Answer migration = ADMIN.post(enrollment("/api/enrollments/migrations"), Map.of("items", List.of(item)));
        assertThat(migration.status()).as(migration.body()).isEqualTo(200);
        assertThat(migration.text("/results/0/status")).as(migration.body()).isEqualTo("ACCEPTED");
        JsonNode enrolled = ADMIN.get(enrollment("/api/enrollments/" + migration.text("/results/0/id")))
                .json();
        assertThat(enrolled.path("migrated").asBoolean()).isTrue();
        assertThat(enrolled.path("premiumStatus").asText()).isEqualTo("COLLECTED");
        assertThat(enrolled.path("collectedOn").asText()).isEqualTo("2020-02-20");
        assertThat(enrolled.path("collectionReference").asText()).isEqualTo("LEGACY-2020-0001");
        assertThat(enrolled.path("coverageStart").asText()).isEqualTo("2020-03-01");
    }

    /** 2. A unit clerk cannot record the roster's payment (which puts the roster in force); finance does, with the bank's reference. */
    @Test
    void item2_onlyFinanceRecordsARostersPayment() {
        String unit = unit("高新");
        Calls clerk = clerk(unit, "高新");
        Calls.Answer roster = clerk.post(
                enrollment("/api/rosters"), roster(unit, "shaoxing-hospital", null, newIdNumber(), newIdNumber()));
        assertThat(roster.status()).as(roster.body()).isEqualTo(201);
        String rosterId = roster.text("/rosterId");
        String due = roster.text("/payment/amountDue");
        String enrolment = roster.text("/rows/0/enrollmentId");
        assertThat(due).isEqualTo("120.00");

        Calls.Answer byClerk = clerk.post(
                enrollment("/api/rosters/" + rosterId + "/payments"), Map.of("amount", due, "reference", "ZZ-CLERK-1"));
        assertThat(byClerk.status()).as(byClerk.body()).isEqualTo(403);
        assertThat(ADMIN.get(enrollment("/api/enrollments/" + enrolment)).text("/premiumStatus"))
                .isEqualTo("PENDING");
        assertThat(clerk.post(
                                enrollment("/api/enrollments/" + enrolment + "/collections"),
                                Map.of("result", "SUCCEEDED", "reference", "ZZ-CLERK-2"))
                        .status())
                .isEqualTo(403);

        Calls.Answer byFinance = FINANCE.post(
                enrollment("/api/rosters/" + rosterId + "/payments"), Map.of("amount", due, "reference", "BANK-7781"));
        assertThat(byFinance.status()).as(byFinance.body()).isEqualTo(200);
        JsonNode collected =
                ADMIN.get(enrollment("/api/enrollments/" + enrolment)).json();
        assertThat(collected.path("premiumStatus").asText()).isEqualTo("COLLECTED");
        assertThat(collected.path("collectionReference").asText()).isEqualTo("BANK-7781");
    }

    /**
     * 3. An enrolment whose premium was never collected gives no continuity (Ningbo retirees: 40 % instead of 50 %), earns
     * no gift, and is not counted in the district table.
     */
    @Test
    void item3_anUnpaidEnrolmentCountsForNothing() {
        String unit = unit("象山");
        Person retiree = person(unit, "RETIRED");
        Calls.Answer first = ADMIN.post(
                enrollment("/api/enrollments"), enrolment(retiree.id(), "ningbo-2020-retiree-hospital", null));
        assertThat(first.text("/enrollment/premiumStatus")).as(first.body()).isEqualTo("PENDING");
        Calls.Answer renewal = ADMIN.post(
                enrollment("/api/enrollments"), enrolment(retiree.id(), "ningbo-2020-retiree-hospital", "2021-05-15"));
        assertThat(renewal.status()).as(renewal.body()).isEqualTo(201);
        assertThat(renewal.json().at("/enrollment/continuous").asBoolean())
                .as("the unpaid year before makes no continuity")
                .isFalse();
        collect(renewal.text("/enrollment/enrollmentId"), "DK-RENEWAL");
        awaitCoverInClaims(retiree.id(), 1);
        Calls.Answer stay = ADJUDICATOR_A.post(
                claims("/api/claims"), hospitalStay(retiree.id(), "2021-06-01", "2021-06-05", "1000.00"));
        assertThat(stay.text("/total"))
                .as("40 percent of a co-pay of 1000 after a gap: " + stay.body())
                .isEqualTo("400.00");

        Person worker = person(unit, "IN_SERVICE");
        Calls.Answer unpaid =
                ADMIN.post(enrollment("/api/enrollments"), enrolment(worker.id(), "shaoxing-hospital", null));
        assertThat(unpaid.status()).as(unpaid.body()).isEqualTo(201);
        Calls.Answer paid = ADMIN.post(
                enrollment("/api/enrollments"), enrolment(worker.id(), "ningbo-2020-inservice-hospital", null));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().path("gifts"))
                .as("an enrolment not paid yet earns no gift")
                .isEmpty();
        collect(paid.text("/enrollment/enrollmentId"), "DK-WORKER");
        JsonNode held = ADMIN.get(enrollment("/api/members/" + worker.id() + "/enrollments"))
                .json();
        List<String> gifts = new ArrayList<>();
        held.forEach(e -> {
            if (e.path("gifted").asBoolean()) {
                gifts.add(e.path("planId").asText() + ":"
                        + e.path("premiumStatus").asText());
            }
        });
        assertThat(gifts)
                .as("the gift comes with the payment")
                .containsExactly("ningbo-2020-special-disease:COLLECTED");

        // The gift is the worker's last event: once it is counted, so is everything the worker did before it.
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        districtRow(2020, "象山").path("giftedSpecialDisease").asInt() == 1);
        JsonNode row = districtRow(2020, "象山");
        assertThat(row.path("inService").asInt())
                .as("the paid in-service enrolment only: " + row)
                .isEqualTo(1);
        assertThat(row.path("retired").asInt())
                .as("the retiree's enrolments were never paid in 2020: " + row)
                .isZero();
    }

    /**
     * 4. A district office reaches its own district's members only; batch ids are its own (another office's batch with the
     * same id is a batch of its own); each office's answers go to its own topic.
     */
    @Test
    void item4_anOfficeReachesItsOwnDistrictOnly() {
        Person elsewhere = person(unit("大榭"), "IN_SERVICE");
        String haishu = unit("东钱湖");
        String newcomer = newIdNumber();
        String batchId = "batch-" + UUID.randomUUID();
        sendBatch(
                "东钱湖",
                batchId,
                List.of(
                        batchRow(1, elsewhere.idNumber(), haishu, "shaoxing-hospital", null),
                        batchRow(2, newcomer, haishu, "shaoxing-hospital", null)));
        EnrollmentBatchProcessed answer = batchAnswer("东钱湖", batchId);
        assertThat(answer.getRows())
                .extracting(r -> r.getStatus() + ":" + r.getCode())
                .containsExactly("REJECTED:MEMBER_IN_OTHER_DISTRICT", "ACCEPTED:null");
        assertThat(ADMIN.get(enrollment("/api/members/" + elsewhere.id() + "/enrollments"))
                        .json())
                .as("大榭's member untouched")
                .isEmpty();

        String yinzhou = unit("鄞州");
        sendBatch("鄞州", batchId, List.of(batchRow(1, newIdNumber(), yinzhou, "shaoxing-hospital", null)));
        EnrollmentBatchProcessed own = batchAnswer("鄞州", batchId);
        assertThat(own.getDistrict()).isEqualTo("鄞州");
        assertThat(own.getRows()).extracting(r -> r.getStatus()).containsExactly("ACCEPTED");
        assertThat(read(
                        Topics.regionalEnrollmentResults(LocalTokenIssuer.officeId("鄞州")),
                        batchId,
                        Duration.ofSeconds(5)))
                .as("鄞州 reads nothing of 东钱湖's")
                .hasSize(1);
    }

    /**
     * 5. The office's signed identity covers the record: a captured identity on another record, and an expired identity on a
     * record back-dated by its producer, are refused (dead-lettered), and nothing is enrolled.
     */
    @Test
    void item5_anOfficesIdentityCannotBeReplayed() {
        String unit = unit("奉化");
        String genuine = "fh-" + UUID.randomUUID();
        byte[] genuineValue =
                batchValue(genuine, "奉化", List.of(batchRow(1, newIdNumber(), unit, "shaoxing-hospital", null)));
        Map<String, byte[]> captured =
                TOKENS.officeHeaders("奉化", Topics.REGIONAL_ENROLLMENT_BATCHES, genuine, genuineValue);
        send(Topics.REGIONAL_ENROLLMENT_BATCHES, genuine, genuineValue, captured, null);

        String replayed = "fh-" + UUID.randomUUID();
        String replayedId = newIdNumber();
        send(
                Topics.REGIONAL_ENROLLMENT_BATCHES,
                replayed,
                batchValue(replayed, "奉化", List.of(batchRow(1, replayedId, unit, "shaoxing-hospital", null))),
                captured,
                null);

        String backDated = "fh-" + UUID.randomUUID();
        Instant issued = Instant.now().minus(Duration.ofHours(3));
        byte[] backDatedValue =
                batchValue(backDated, "奉化", List.of(batchRow(1, newIdNumber(), unit, "shaoxing-hospital", null)));
        Map<String, byte[]> expired = Map.of(
                Topics.OFFICE_IDENTITY_HEADER,
                        TOKENS.officeToken("奉化", issued, Duration.ofHours(1)).getBytes(StandardCharsets.UTF_8),
                Topics.OFFICE_PROOF_HEADER,
                        LocalTokenIssuer.officeProof(
                                        TOKENS.officeKey("奉化"),
                                        Topics.REGIONAL_ENROLLMENT_BATCHES,
                                        backDated,
                                        backDatedValue,
                                        issued.plus(Duration.ofMinutes(30)))
                                .getBytes(StandardCharsets.UTF_8));
        send(
                Topics.REGIONAL_ENROLLMENT_BATCHES,
                backDated,
                backDatedValue,
                expired,
                issued.plus(Duration.ofMinutes(30)).toEpochMilli());

        assertThat(read(Topics.deadLetter(Topics.REGIONAL_ENROLLMENT_BATCHES), replayed, Duration.ofSeconds(60)))
                .as("another record under a captured identity is dead-lettered")
                .hasSize(1);
        assertThat(read(Topics.deadLetter(Topics.REGIONAL_ENROLLMENT_BATCHES), backDated, Duration.ofSeconds(60)))
                .as("an expired identity on a back-dated record is dead-lettered")
                .hasSize(1);
        assertThat(batchAnswer("奉化", genuine).getRows())
                .extracting(r -> r.getStatus())
                .containsExactly("ACCEPTED");
        assertThat(read(
                        Topics.regionalEnrollmentResults(LocalTokenIssuer.officeId("奉化")),
                        replayed,
                        Duration.ofSeconds(3)))
                .isEmpty();
    }

    /**
     * 6. Hardship and model-worker status come from the union's registers: only a district officer or the administrator sets
     * them. A bank account changed by anyone but the member is told to the member and waits out a cooling-off period, and
     * so do the payouts due meanwhile.
     */
    @Test
    void item6_fundingStatusAndBankAccountsAreNotTheClerks() {
        String unit = unit("镇海");
        Calls clerk = clerk(unit, "镇海");
        Map<String, Object> flagged = memberBody(newIdNumber(), unit, "IN_SERVICE");
        flagged.put("hardship", true);
        Calls.Answer byClerk = clerk.post(enrollment("/api/members"), flagged);
        assertThat(byClerk.status()).as(byClerk.body()).isEqualTo(403);

        Person worker = person(unit, "IN_SERVICE");
        assertThat(clerk.put(enrollment("/api/members/" + worker.id() + "/funding-status"), Map.of("hardship", true))
                        .status())
                .isEqualTo(403);
        Calls.Answer set = officer("镇海")
                .put(
                        enrollment("/api/members/" + worker.id() + "/funding-status"),
                        Map.of("hardship", true, "modelWorker", false));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Calls.Answer quota = ADMIN.put(
                enrollment("/api/plans/guangdong-2018-hospital/quotas/2020"),
                Map.of("district", "镇海", "unionMembers", 0, "hardship", 10, "modelWorkers", 0));
        assertThat(quota.status()).as(quota.body()).isEqualTo(200);
        Calls.Answer guangdong =
                clerk.post(enrollment("/api/enrollments"), enrolment(worker.id(), "guangdong-2018-hospital", null));
        assertThat(guangdong.json().at("/enrollment/funding").toString())
                .as("the province pays all for a hardship worker")
                .isEqualTo("[{\"payer\":\"PROVINCE\",\"amount\":\"95.00\"}]");

        Person member = person(unit, "IN_SERVICE");
        collect(
                ADMIN.post(enrollment("/api/enrollments"), enrolment(member.id(), "shaoxing-hospital", null))
                        .text("/enrollment/enrollmentId"),
                "DK-ZH");
        awaitCoverInClaims(member.id(), 1);
        Calls.Answer changed =
                clerk.put(enrollment("/api/members/" + member.id() + "/bank-account"), account(member, 7001));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode seen =
                member.calls().get(enrollment("/api/members/" + member.id())).json();
        assertThat(seen.at("/pendingBankAccount/effectiveOn").asText())
                .as(seen.toString())
                .isEqualTo(TODAY.plusDays(3).toString());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> payouts.count(
                                "select count(*) from bank_account_pending where member_id = '" + member.id() + "'")
                        == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> payouts.count("select count(*) from notification_log where member_id = '" + member.id()
                                + "' and kind = 'ACCOUNT_CHANGED'")
                        == 1);

        Calls.Answer approved = ADJUDICATOR_A.post(
                claims("/api/claims"), hospitalStay(member.id(), "2020-05-15", "2020-05-20", "1000.00"));
        assertThat(approved.text("/status")).as(approved.body()).isEqualTo("APPROVED");
        String payoutsOfClaim = payouts("/api/payouts?claimId=" + approved.text("/claimId"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> FINANCE.get(payoutsOfClaim).json().size() == 1);
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10))
                .until(() -> FINANCE.get(payoutsOfClaim)
                        .json()
                        .get(0)
                        .path("status")
                        .asText()
                        .equals("AWAITING_ACCOUNT"));
        assertThat(payouts.bank.executedByPayout())
                .as("nothing sent during the cooling-off")
                .doesNotContainKey(FINANCE.get(payoutsOfClaim)
                        .json()
                        .get(0)
                        .path("payoutId")
                        .asText());

        Calls.Answer byMember =
                member.calls().put(enrollment("/api/members/" + member.id() + "/bank-account"), account(member, 7002));
        assertThat(byMember.status()).as(byMember.body()).isEqualTo(200);
        assertThat(byMember.json().path("pendingBankAccount").isNull()
                        || byMember.json().path("pendingBankAccount").isMissingNode())
                .as("the member's own change takes effect at once: " + byMember.body())
                .isTrue();
    }

    /**
     * 7. Claims: a member's own bill waits for an adjudicator; the same stay cannot be claimed twice (another hospital text, a
     * bill changed by a fen, at the desk and over REST); the reviewer is the token's subject and not the one who filed the
     * claim; a claim for nobody stores nothing.
     */
    @Test
    void item7_nobodyApprovesTheirOwnMoney() {
        String unit = unit("慈溪");
        Person member = person(unit, "IN_SERVICE");
        collect(
                ADMIN.post(enrollment("/api/enrollments"), enrolment(member.id(), "shaoxing-hospital", null))
                        .text("/enrollment/enrollmentId"),
                "DK-CX");
        awaitCoverInClaims(member.id(), 1);

        Calls.Answer own = member.calls()
                .post(claims("/api/claims"), hospitalStay(member.id(), "2020-05-16", "2020-05-20", "1200.00"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.text("/status"))
                .as("a member's own bill is confirmed by an adjudicator first")
                .isEqualTo("IN_REVIEW");
        String claimId = own.text("/claimId");

        Map<String, Object> sameStay = hospitalStay(member.id(), "2020-05-16", "2020-05-20", "1200.00");
        sameStay.put("hospital", "慈溪市人民医院（住院部）");
        Calls.Answer again = member.calls().post(claims("/api/claims"), sameStay);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_STAY");
        assertThat(again.body()).contains(claimId);
        Calls.Answer byAFen = ADJUDICATOR_A.post(
                claims("/api/claims"), hospitalStay(member.id(), "2020-05-17", "2020-05-19", "1200.01"));
        assertThat(byAFen.status()).as(byAFen.body()).isEqualTo(409);

        Calls.Answer review = ADJUDICATOR_A.post(
                claims("/api/claims/" + claimId + "/review"),
                Map.of("decision", "APPROVE", "reason", "票据核实无误", "reviewer", "someone-else"));
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        assertThat(review.text("/status")).isEqualTo("APPROVED");
        assertThat(review.text("/review/reviewer"))
                .as("the reviewer is who the token says")
                .isEqualTo("adjudicator-a");

        Calls.Answer large = ADJUDICATOR_A.post(
                claims("/api/claims"), hospitalStay(member.id(), "2020-06-01", "2020-06-20", "30000.00"));
        assertThat(large.text("/status")).as(large.body()).isEqualTo("IN_REVIEW");
        Calls.Answer ownReview = ADJUDICATOR_A.post(
                claims("/api/claims/" + large.text("/claimId") + "/review"),
                Map.of("decision", "APPROVE", "reason", "核实"));
        assertThat(ownReview.status()).as(ownReview.body()).isEqualTo(403);
        assertThat(ownReview.code()).isEqualTo("FOUR_EYES");
        assertThat(ADJUDICATOR_B
                        .post(
                                claims("/api/claims/" + large.text("/claimId") + "/review"),
                                Map.of("decision", "APPROVE", "reason", "核实"))
                        .text("/status"))
                .isEqualTo("APPROVED");

        String nobody = UUID.randomUUID().toString();
        Calls.Answer forNobody =
                ADJUDICATOR_A.post(claims("/api/claims"), hospitalStay(nobody, "2020-05-16", "2020-05-20", "1200.00"));
        assertThat(forNobody.status()).as(forNobody.body()).isIn(404, 422);
        assertThat(countIn(
                        "claims", "select count(*) from domainevententry where payload::text like '%" + nobody + "%'"))
                .isZero();

        // A stay settled at the hospital desk is not claimed again over REST, and the reverse.
        sendSettlement("慈溪", "JS-" + UUID.randomUUID(), member.idNumber(), "2020-07-01", "2020-07-05", "2000.00");
        Calls.Answer settledAgain = member.calls()
                .post(claims("/api/claims"), hospitalStay(member.id(), "2020-07-01", "2020-07-05", "2000.00"));
        assertThat(settledAgain.status()).as(settledAgain.body()).isEqualTo(409);
        assertThat(settledAgain.code()).isEqualTo("DUPLICATE_STAY");
        Calls.Answer overRest = member.calls()
                .post(claims("/api/claims"), hospitalStay(member.id(), "2020-08-01", "2020-08-04", "900.00"));
        assertThat(overRest.status()).as(overRest.body()).isEqualTo(201);
        HospitalSettlementAnswered atTheDesk = sendSettlement(
                "慈溪", "JS-" + UUID.randomUUID(), member.idNumber(), "2020-08-01", "2020-08-04", "900.00");
        assertThat(atTheDesk.getStatus()).isEqualTo("REFUSED");
        assertThat(atTheDesk.getCode()).isEqualTo("DUPLICATE_STAY");
        assertThat(atTheDesk.getMessage()).contains(overRest.text("/claimId"));
    }

    /**
     * 8. Idempotency keys belong to their caller and endpoint: another caller's key is not their answer; a row left by a
     * crash expires; claims and repayments honour the key.
     */
    @Test
    void item8_anIdempotencyKeyIsTheCallersOwn() {
        String unitA = unit("余姚");
        String unitB = unit("余姚");
        Calls clerkA = clerk(unitA, "余姚");
        Calls clerkB = clerk(unitB, "余姚");
        String key = "abuse-" + UUID.randomUUID();
        Map<String, Object> body = memberBody(newIdNumber(), unitA, "IN_SERVICE");
        Calls.Answer first = clerkA.post(enrollment("/api/members"), body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Calls.Answer other = clerkB.post(enrollment("/api/members"), body, "Idempotency-Key", key);
        assertThat(other.headers().firstValue("Idempotent-Replayed"))
                .as("not another caller's answer")
                .isEmpty();
        assertThat(other.status())
                .as("unit A is out of clerk B's scope: " + other.body())
                .isEqualTo(404);

        String abandoned = "abandoned-" + UUID.randomUUID();
        Map<String, Object> late = memberBody(newIdNumber(), unitA, "IN_SERVICE");
        executeIn(
                "enrollment",
                "insert into idempotency.request (caller, idempotency_key, endpoint, request_hash, created_at)"
                        + " values ('clerk-" + unitA + "', '" + abandoned
                        + "', '/api/members', 'left-by-a-crash', now() - interval '1 hour')");
        Calls.Answer retried = clerkA.post(enrollment("/api/members"), late, "Idempotency-Key", abandoned);
        assertThat(retried.status())
                .as("an abandoned first attempt expires: " + retried.body())
                .isEqualTo(201);

        Person member = person(unitA, "IN_SERVICE");
        String claimKey = "claim-" + UUID.randomUUID();
        Calls.Answer claim = ADJUDICATOR_A.post(
                claims("/api/claims"),
                hospitalStay(member.id(), "2020-05-16", "2020-05-18", "300.00"),
                "Idempotency-Key",
                claimKey);
        Calls.Answer reused = ADJUDICATOR_A.post(
                claims("/api/claims"),
                hospitalStay(member.id(), "2020-06-16", "2020-06-18", "400.00"),
                "Idempotency-Key",
                claimKey);
        assertThat(claim.status()).as(claim.body()).isLessThan(500);
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.text("/type")).endsWith("idempotency-key-reused");

        String repaymentKey = "repay-" + UUID.randomUUID();
        FINANCE.post(
                payouts("/api/recoveries/" + member.id() + "/repayments"),
                Map.of("reference", "R-" + repaymentKey, "amount", "10.00", "paidOn", "2020-05-15"),
                "Idempotency-Key",
                repaymentKey);
        Calls.Answer repaymentReused = FINANCE.post(
                payouts("/api/recoveries/" + member.id() + "/repayments"),
                Map.of("reference", "R2-" + repaymentKey, "amount", "11.00", "paidOn", "2020-05-15"),
                "Idempotency-Key",
                repaymentKey);
        assertThat(repaymentReused.status()).as(repaymentReused.body()).isEqualTo(422);
        assertThat(repaymentReused.text("/type")).endsWith("idempotency-key-reused");
    }

    /** The audit log records refused attempts and every read that showed personal data unmasked. */
    @Test
    void auditRecordsRefusalsAndUnmaskedReads() {
        String unitA = unit("宁海");
        Person member = person(unitA, "IN_SERVICE");
        String outsider = "outsider-" + UUID.randomUUID();
        Calls clerkB = as(outsider, "UNIT_CLERK", null, unit("宁海"), "宁海");
        assertThat(clerkB.get(enrollment("/api/members/" + member.id())).status())
                .isEqualTo(404);
        assertThat(clerkB.post(
                                enrollment("/api/targets"),
                                Map.of("scope", "DISTRICT", "district", "宁海", "year", 2020, "target", 1))
                        .status())
                .isEqualTo(403);
        assertThat(member.calls().get(enrollment("/api/members/" + member.id())).status())
                .isEqualTo(200);

        JsonNode refused = ADMIN.get(enrollment("/api/audit?actor=" + outsider)).json();
        List<String> seen = new ArrayList<>();
        refused.forEach(
                e -> seen.add(e.path("method").asText() + " " + e.path("status").asInt()));
        assertThat(seen).as(refused.toString()).contains("GET 404", "POST 403");
        JsonNode disclosed =
                ADMIN.get(enrollment("/api/audit?actor=member-" + member.id())).json();
        assertThat(disclosed.toString()).as("the member's own unmasked read").contains("ID_NUMBER");
    }

    // ---------------------------------------------------------------- helpers

    /** A registered member: id, ID number and a token of their own. */
    record Person(String id, String idNumber) {
        Calls calls() {
            return as("member-" + id, "MEMBER", id, null, null);
        }
    }

    static Calls as(String subject, String role, String member, String unit, String district) {
        return new Calls(TOKENS.token(
                new LocalTokenIssuer.User(subject, List.of(role), member, unit, district), Duration.ofHours(3)));
    }

    static Calls clerk(String unit, String district) {
        return as("clerk-" + unit, "UNIT_CLERK", null, unit, district);
    }

    static Calls officer(String district) {
        return as("officer-" + district, "DISTRICT_OFFICER", null, null, district);
    }

    static String enrollment(String path) {
        return platform.enrollment.baseUrl() + path;
    }

    static String claims(String path) {
        return platform.claims.baseUrl() + path;
    }

    static String payouts(String path) {
        return payouts.baseUrl() + path;
    }

    static String newIdNumber() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth =
                LocalDate.of(1965, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
        return IdNumberFixtures.idNumber("330226", birth.toString().replace("-", ""), n % 1000);
    }

    static String unit(String district) {
        Calls.Answer unit = ADMIN.post(
                enrollment("/api/units"),
                Map.of(
                        "name",
                        district + "互助测试单位" + SEQUENCE.incrementAndGet(),
                        "district",
                        district,
                        "nature",
                        "PUBLIC",
                        "insuredHeadcount",
                        20));
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        return unit.text("/unitId");
    }

    static Map<String, Object> memberBody(String idNumber, String unit, String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", "测试会员");
        body.put("phone", "13900001111");
        body.put("unitId", unit);
        body.put("category", category);
        body.put("serviceCard", true);
        body.put("realNameVerified", true);
        return body;
    }

    static Person person(String unit, String category) {
        String idNumber = newIdNumber();
        Calls.Answer member = ADMIN.post(enrollment("/api/members"), memberBody(idNumber, unit, category));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        return new Person(member.text("/memberId"), idNumber);
    }

    static Map<String, Object> enrolment(String memberId, String planId, String effectiveDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("planId", planId);
        body.put("shares", 1);
        if (effectiveDate != null) {
            body.put("effectiveDate", effectiveDate);
        }
        return body;
    }

    static void collect(String enrollmentId, String reference) {
        Calls.Answer collected = FINANCE.post(
                enrollment("/api/enrollments/" + enrollmentId + "/collections"),
                Map.of("result", "SUCCEEDED", "method", "BANK_DEDUCTION", "reference", reference));
        assertThat(collected.status()).as(collected.body()).isEqualTo(200);
        assertThat(collected.text("/premiumStatus")).isEqualTo("COLLECTED");
    }

    static Map<String, Object> roster(String unit, String planId, String effectiveDate, String... idNumbers) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (String idNumber : idNumbers) {
            members.add(Map.of("name", "名册会员", "idNumber", idNumber, "phone", "13700002222"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("planId", planId);
        if (effectiveDate != null) {
            body.put("effectiveDate", effectiveDate);
        }
        body.put("members", members);
        return body;
    }

    static Map<String, Object> account(Person member, int card) {
        return Map.of(
                "bankName", "中国工商银行", "accountType", "CARD", "number", BankAccounts.card(card), "holderName", "测试会员");
    }

    /** A hospital stay with a bill whose co-pay is {@code coPay} (no deductible, nothing self-funded). */
    static Map<String, Object> hospitalStay(String memberId, String admitted, String discharged, String coPay) {
        BigDecimal copay = new BigDecimal(coPay);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("type", "HOSPITALIZATION");
        body.put("eventDate", admitted);
        body.put("dischargeDate", discharged);
        body.put("hospitalDays", (int)
                java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(admitted), LocalDate.parse(discharged)));
        body.put("hospital", "市第一人民医院");
        body.put(
                "bill",
                Map.of(
                        "total",
                        copay.multiply(new BigDecimal(3)).toPlainString(),
                        "pooledFundPaid",
                        copay.multiply(new BigDecimal(2)).toPlainString(),
                        "deductible",
                        "0.00",
                        "coPay",
                        copay.toPlainString(),
                        "selfFunded",
                        "0.00"));
        return body;
    }

    static JsonNode districtRow(int year, String district) {
        JsonNode report = ADMIN.get(platform.reporting.baseUrl() + "/api/reports/district-enrollment?year=" + year)
                .json();
        for (JsonNode row : report.path("rows")) {
            if (district.equals(row.path("district").asText())) {
                return row;
            }
        }
        return Http.JSON.createObjectNode();
    }

    static BatchRow batchRow(int no, String idNumber, String unit, String planId, LocalDate effectiveDate) {
        return BatchRow.newBuilder()
                .setRowNo(no)
                .setIdNumber(idNumber)
                .setName("批量会员")
                .setPhone(null)
                .setUnitId(unit)
                .setCategory("IN_SERVICE")
                .setServiceCard(true)
                .setRealNameVerified(true)
                .setPlanId(planId)
                .setShares(1)
                .setTermYears(null)
                .setEffectiveDate(effectiveDate)
                .build();
    }

    static byte[] batchValue(String batchId, String district, List<BatchRow> rows) {
        return EventCodec.contracts()
                .encode(EnrollmentBatchSubmitted.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setBatchId(batchId)
                        .setDistrict(district)
                        .setRows(rows)
                        .build());
    }

    /** Sends an enrolment batch as the district's office does: signed. */
    static void sendBatch(String district, String batchId, List<BatchRow> rows) {
        byte[] value = batchValue(batchId, district, rows);
        send(
                Topics.REGIONAL_ENROLLMENT_BATCHES,
                batchId,
                value,
                TOKENS.officeHeaders(district, Topics.REGIONAL_ENROLLMENT_BATCHES, batchId, value),
                null);
    }

    static EnrollmentBatchProcessed batchAnswer(String district, String batchId) {
        List<ConsumerRecord<String, byte[]>> answers = read(
                Topics.regionalEnrollmentResults(LocalTokenIssuer.officeId(district)), batchId, Duration.ofSeconds(60));
        assertThat(answers)
                .as("an answer to " + batchId + " on the office's own topic")
                .isNotEmpty();
        return (EnrollmentBatchProcessed)
                EventCodec.contracts().decode(answers.get(0).value());
    }

    /** A stay settled at a hospital of the district's desk, sent by its office; answers the platform's answer. */
    static HospitalSettlementAnswered sendSettlement(
            String district, String settlementId, String idNumber, String admitted, String discharged, String coPay) {
        BigDecimal copay = new BigDecimal(coPay);
        byte[] value = EventCodec.contracts()
                .encode(HospitalSettlementSubmitted.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setSettlementId(settlementId)
                        .setDistrict(district)
                        .setHospital("县人民医院")
                        .setHospitalGrade(null)
                        .setIdNumber(idNumber)
                        .setAdmissionDate(LocalDate.parse(admitted))
                        .setDischargeDate(LocalDate.parse(discharged))
                        .setHospitalDays(null)
                        .setCause("ILLNESS")
                        .setTotal(copay.multiply(new BigDecimal(3)))
                        .setPooledFundPaid(copay.multiply(new BigDecimal(2)))
                        .setCoPay(copay)
                        .setDeductible(null)
                        .setSelfFunded(new BigDecimal("0.00"))
                        .build());
        send(
                Topics.REGIONAL_HOSPITAL_SETTLEMENTS,
                settlementId,
                value,
                TOKENS.officeHeaders(district, Topics.REGIONAL_HOSPITAL_SETTLEMENTS, settlementId, value),
                null);
        List<ConsumerRecord<String, byte[]>> answers = read(
                Topics.regionalSettlementResults(LocalTokenIssuer.officeId(district)),
                settlementId,
                Duration.ofSeconds(60));
        assertThat(answers).as("an answer to settlement " + settlementId).isNotEmpty();
        return (HospitalSettlementAnswered)
                EventCodec.contracts().decode(answers.get(0).value());
    }

    static void send(String topic, String key, byte[] value, Map<String, byte[]> headers, Long timestamp) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, timestamp, key, value);
            headers.forEach((name, bytes) -> record.headers().add(name, bytes));
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The records of the topic with this key, read from the start for at most {@code wait} (less once one is found). */
    static List<ConsumerRecord<String, byte[]>> read(String topic, String key, Duration wait) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("group.id", "abuse-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("allow.auto.create.topics", "false");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < until && found.isEmpty()) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            // whatever else of this key is already there
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (key.equals(r.key())) {
                    found.add(r);
                }
            });
        }
        return found;
    }

    /** Waits until the claims service knows of the member's enrolments in force (cover reaches it over Kafka). */
    static void awaitCoverInClaims(String memberId, int inForce) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> countIn(
                                "claims",
                                "select count(*) from coverage_view where member_id = '" + memberId
                                        + "' and premium_status = 'COLLECTED'")
                        == inForce);
    }

    static long countIn(String database, String sql) {
        try (Connection c = DriverManager.getConnection(LocalStack.shared().jdbcUrl(database), "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void executeIn(String database, String sql) {
        try (Connection c = DriverManager.getConnection(LocalStack.shared().jdbcUrl(database), "postgres", "postgres");
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
