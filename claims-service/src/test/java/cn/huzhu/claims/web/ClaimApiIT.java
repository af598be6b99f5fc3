package cn.huzhu.claims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.claims.IntegrationTestSupport;
import cn.huzhu.claims.TopicRecords;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import cn.huzhu.plans.PlanDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims over REST against real PostgreSQL and Kafka: the plan versions and enrolments arrive as Avro records
 * on the catalogue and member topics, as enrollment-service publishes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimApiIT extends IntegrationTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MEMBER = UUID.randomUUID().toString();
    static final String PENDING_MEMBER = UUID.randomUUID().toString();
    static final String SHAOXING_ENROLMENT = UUID.randomUUID().toString();
    static final String SPECIAL_ENROLMENT = UUID.randomUUID().toString();
    static final LocalDate START = LocalDate.of(2026, 1, 1);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.axonframework.common.transaction.TransactionManager axonTransactions;

    final HttpClient http = HttpClient.newHttpClient();
    /** An adjudicator's token: submits, reviews, revokes and reads every claim, diagnoses included. */
    static final String TOKEN = LocalStack.shared().tokens().token("test-adjudicator", "ADJUDICATOR", null, null, null);
    /** Another adjudicator: reviews what the first filed. */
    static final String SECOND_ADJUDICATOR =
            LocalStack.shared().tokens().token("test-adjudicator-2", "ADJUDICATOR", null, null, null);

    static final java.util.concurrent.atomic.AtomicBoolean PUBLISHED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Once, after the service has started (it declares the topics, which the broker does not create on its own). */
    @BeforeEach
    void publishCatalogueAndEnrolments() throws Exception {
        if (PUBLISHED.getAndSet(true)) {
            return;
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String plan : List.of("shaoxing-hospital", "ningbo-2020-special-disease", "huzhou-major-disease")) {
                publishPlan(producer, plan, 1);
            }
            publishPlan(producer, "huzhou-major-disease", 2);
            publishPlan(producer, "huzhou-major-disease", 3);
            publishPlan(producer, "wujin-2022", 3);
            send(
                    producer,
                    Topics.MEMBERS,
                    MEMBER,
                    enrolled(
                            MEMBER,
                            SHAOXING_ENROLMENT,
                            "shaoxing-hospital",
                            1,
                            START,
                            START.plusYears(1).minusDays(1),
                            START,
                            "PENDING"));
            producer.send(new ProducerRecord<>(Topics.MEMBERS, MEMBER, new byte[] {1, 2, 3, 4}))
                    .get();
            send(
                    producer,
                    Topics.MEMBERS,
                    MEMBER,
                    PremiumCollected.newBuilder()
                            .setEventId(UUID.randomUUID())
                            .setOccurredAt(Instant.now())
                            .setEnrollmentId(UUID.fromString(SHAOXING_ENROLMENT))
                            .setMemberId(UUID.fromString(MEMBER))
                            .setUnitId(UUID.randomUUID())
                            .setDistrict("越城")
                            .setPlanId("shaoxing-hospital")
                            .setMethod("BANK_DEDUCTION")
                            .setReference("DK-1")
                            .setAmount(new BigDecimal("60.00"))
                            .setCollectedOn(START)
                            .setCoverageStart(START)
                            .setCoverageEnd(START.plusYears(1).minusDays(1))
                            .setWaitingPeriodEnd(START)
                            .build());
            send(
                    producer,
                    Topics.MEMBERS,
                    MEMBER,
                    enrolled(
                            MEMBER,
                            SPECIAL_ENROLMENT,
                            "ningbo-2020-special-disease",
                            2,
                            START,
                            START.plusYears(1).minusDays(1),
                            START.plusDays(90),
                            "COLLECTED"));
            send(
                    producer,
                    Topics.MEMBERS,
                    PENDING_MEMBER,
                    enrolled(
                            PENDING_MEMBER,
                            UUID.randomUUID().toString(),
                            "shaoxing-hospital",
                            1,
                            START,
                            START.plusYears(1).minusDays(1),
                            START,
                            "PENDING"));
        }
    }

    /** Publishes the member's registration, as enrollment-service would, and waits until this service knows the member. */
    void registerMember(String member) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, Topics.MEMBERS, member, registered(member));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from member_directory where member_id = ?",
                                Integer.class,
                                UUID.fromString(member))
                        == 1);
    }

    /** Publishes a collected one-share enrolment of the member, as enrollment-service would, and waits until this service knows it. */
    void cover(String member, String enrolment, String planId) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(
                    producer,
                    Topics.MEMBERS,
                    member,
                    enrolled(
                            member,
                            enrolment,
                            planId,
                            1,
                            START,
                            START.plusYears(1).minusDays(1),
                            START,
                            "COLLECTED"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from coverage_view where member_id = ?",
                                Integer.class,
                                UUID.fromString(member))
                        == 1);
    }

    record Response(int status, JsonNode json) {}

    Response post(Object body) throws IOException, InterruptedException {
        return postTo("/api/claims", body);
    }

    Response postTo(String path, Object body) throws IOException, InterruptedException {
        return postAs(TOKEN, path, body);
    }

    Response postAs(String token, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }

    Response get(String path) throws IOException, InterruptedException {
        return getAs(TOKEN, path);
    }

    Response getAs(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }

    void awaitCoverage() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                        "select count(*) from coverage_view where member_id in (?, ?) and (premium_status = 'COLLECTED' or member_id = ?)",
                                        Integer.class,
                                        UUID.fromString(MEMBER),
                                        UUID.fromString(PENDING_MEMBER),
                                        UUID.fromString(PENDING_MEMBER))
                                == 3
                        && jdbc.queryForObject("select count(*) from plan_definition", Integer.class) >= 2);
    }

    static JsonNode benefitOf(JsonNode claim, String planId) {
        for (JsonNode benefit : claim.path("benefits")) {
            if (benefit.path("planId").asText().equals(planId)) {
                return benefit;
            }
        }
        throw new AssertionError("No benefit of " + planId + " in " + claim);
    }

    static Map<String, Object> stay(String member, String coPay, int days) {
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("total", "13000.00");
        bill.put("pooledFundPaid", "10000.00");
        bill.put("deductible", "0");
        bill.put("coPay", coPay);
        bill.put("selfFunded", "0");
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("memberId", member);
        claim.put("type", "HOSPITALIZATION");
        claim.put("eventDate", "2026-03-02");
        claim.put("dischargeDate", "2026-03-12");
        claim.put("hospitalDays", days);
        claim.put("hospital", "绍兴市人民医院");
        claim.put("bill", bill);
        return claim;
    }

    @Test
    void aClaimsEventsAndViewsCommitTogether() {
        // a claim, its benefit accounts and ledgers are appended in one unit of work: one Spring transaction
        assertThat(axonTransactions)
                .isInstanceOf(org.axonframework.spring.messaging.unitofwork.SpringTransactionManager.class);
    }

    @Test
    void shouldPayTheShaoxingSeedExampleOnceAndShowTheCalculation() throws Exception {
        awaitCoverage();

        Response first = post(stay(MEMBER, "2287.99", 10));
        Response again = post(stay(MEMBER, "2287.99", 10));

        assertThat(first.status()).as(first.json().toString()).isEqualTo(201);
        assertThat(first.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(first.json().path("total").asText()).isEqualTo("2080.00");
        JsonNode benefit = benefitOf(first.json(), "shaoxing-hospital");
        assertThat(benefit.path("lines").get(0).path("amount").asText()).isEqualTo("1830.00");
        assertThat(benefit.path("lines").get(0).path("rate").asText()).isEqualTo("0.8");
        assertThat(benefit.path("lines").get(1).path("amount").asText()).isEqualTo("250.00");
        assertThat(again.status()).as("the same claim again").isEqualTo(200);
        assertThat(again.json().path("claimId").asText())
                .isEqualTo(first.json().path("claimId").asText());
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where payloadtype like '%BenefitAccountChargedEvent'"
                                + " and aggregateidentifier = ?",
                        Integer.class, "benefit-account-" + SHAOXING_ENROLMENT))
                .as("paid once")
                .isEqualTo(1);
        assertThat(get("/api/claims/" + first.json().path("claimId").asText())
                        .json()
                        .path("total")
                        .asText())
                .isEqualTo("2080.00");

        List<SpecificRecord> published =
                decisionsOf(first.json().path("claimId").asText(), 1);
        assertThat(published)
                .as("one decision on Kafka for the claim sent twice")
                .hasSize(1);
        ClaimApproved approved = (ClaimApproved) published.get(0);
        assertThat(approved.getTotal()).isEqualByComparingTo("2080.00");
        assertThat(approved.getBenefits()).hasSize(1);
        assertThat(approved.getBenefits().get(0).getEnrollmentId()).isEqualTo(UUID.fromString(SHAOXING_ENROLMENT));
        assertThat(approved.getBenefits().get(0).getAmount()).isEqualByComparingTo("2080.00");
    }

    /** The decisions published for a claim, read until {@code expected} arrived and two more seconds passed. */
    static List<SpecificRecord> decisionsOf(String claimId, int expected) {
        return TopicRecords.read(
                Topics.CLAIMS, decision -> claimId.equals(TopicRecords.field(decision, "claimId")), expected);
    }

    @Test
    void theDiagnosisIsShownToAdjudicatorsAndTheMemberOnlyAndClaimsOutOfScopeAreNotFound() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        cover(member, UUID.randomUUID().toString(), "ningbo-2020-special-disease");
        String unit = jdbc.queryForObject(
                "select unit_id::text from coverage_view where member_id = ?::uuid limit 1", String.class, member);
        LocalTokenIssuer tokens = LocalStack.shared().tokens();
        Response submitted = post(Map.of(
                "memberId",
                member,
                "type",
                "CRITICAL_ILLNESS",
                "eventDate",
                START.plusDays(100).toString(),
                "diseaseCode",
                "MALIGNANT_TUMOR"));
        assertThat(submitted.status()).as(submitted.json().toString()).isEqualTo(201);
        String path = "/api/claims/" + submitted.json().path("claimId").asText();

        assertThat(submitted.json().path("diagnosis").path("code").asText()).isEqualTo("MALIGNANT_TUMOR");
        Response byMember = getAs(tokens.token("claims-member", "MEMBER", member, unit, "越城"), path);
        assertThat(byMember.json().path("diagnosis").path("code").asText()).isEqualTo("MALIGNANT_TUMOR");
        for (String[] role : new String[][] {
            {"UNIT_CLERK", null, unit, "越城"},
            {"DISTRICT_OFFICER", null, null, "越城"},
            {"FINANCE", null, null, null},
            {"SCHEME_ADMIN", null, null, null}
        }) {
            Response seen = getAs(tokens.token("claims-" + role[0], role[0], role[1], role[2], role[3]), path);
            assertThat(seen.status()).as(role[0]).isEqualTo(200);
            assertThat(seen.json().path("diagnosis").isNull()).as(role[0]).isTrue();
            assertThat(seen.json().toString())
                    .as(role[0])
                    .doesNotContain("MALIGNANT_TUMOR")
                    .doesNotContain("恶性肿瘤");
        }
        for (String[] role : new String[][] {
            {"MEMBER", UUID.randomUUID().toString(), null, "越城"},
            {"UNIT_CLERK", null, UUID.randomUUID().toString(), "越城"},
            {"DISTRICT_OFFICER", null, null, "柯桥"}
        }) {
            assertThat(getAs(tokens.token("claims-other-" + role[0], role[0], role[1], role[2], role[3]), path)
                            .status())
                    .as(role[0])
                    .isEqualTo(404);
        }
        Response forAnother = postAs(
                tokens.token("claims-other-member", "MEMBER", UUID.randomUUID().toString(), null, null),
                "/api/claims",
                Map.of(
                        "memberId",
                        member,
                        "type",
                        "CRITICAL_ILLNESS",
                        "eventDate",
                        START.plusDays(101).toString(),
                        "diseaseCode",
                        "MALIGNANT_TUMOR"));
        assertThat(forAnother.status()).isEqualTo(404);
    }

    @Test
    void shouldPayACondolenceInsideTheWaitingPeriodUnderTheEnrolmentThatCoversTheDisease() throws Exception {
        awaitCoverage();
        Map<String, Object> diagnosis = Map.of(
                "memberId",
                MEMBER,
                "type",
                "CRITICAL_ILLNESS",
                "eventDate",
                "2026-02-10",
                "diseaseCode",
                "MALIGNANT_TUMOR");

        Response result = post(diagnosis);

        assertThat(result.status()).as(result.json().toString()).isEqualTo(201);
        assertThat(result.json().path("total").asText()).isEqualTo("1000.00");
        assertThat(result.json().path("benefits")).hasSize(2);
        assertThat(benefitOf(result.json(), "ningbo-2020-special-disease")
                        .path("lines")
                        .get(0)
                        .path("rule")
                        .asText())
                .isEqualTo("CONDOLENCE");
        assertThat(benefitOf(result.json(), "shaoxing-hospital")
                        .path("rejection")
                        .path("code")
                        .asText())
                .isEqualTo("NO_BENEFIT");
    }

    @Test
    void shouldNeverPayBeyondTheAnnualCapWhenClaimsArriveAtOnce() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        cover(member, UUID.randomUUID().toString(), "shaoxing-hospital");
        // Six stays of 15 000 co-pay each (12 000 at 80 %), sent together: the cap of 50 000 allows four and 2 000 of a
        // fifth.
        List<java.util.concurrent.Callable<Response>> stays = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> claim = stay(member, "15000.00", 0);
            claim.put("eventDate", START.plusDays(10 + 20 * i).toString());
            claim.put("dischargeDate", START.plusDays(11 + 20 * i).toString());
            claim.put(
                    "bill",
                    Map.of(
                            "total",
                            "20000.00",
                            "pooledFundPaid",
                            "5000.00",
                            "deductible",
                            "0",
                            "coPay",
                            "15000.00",
                            "selfFunded",
                            "0"));
            stays.add(() -> post(claim));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<Response> answers = new java.util.ArrayList<>();
        try {
            for (var future : pool.invokeAll(stays)) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Response> retried = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            // A claim that met another on the same account at the same moment is refused with 409 and sent again.
            retried.add(answers.get(i).status() == 409 ? stays.get(i).call() : answers.get(i));
        }

        BigDecimal paid = retried.stream()
                .map(r -> new BigDecimal(r.json().path("total").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(retried)
                .allSatisfy(r -> assertThat(r.status()).as(r.json().toString()).isIn(200, 201));
        assertThat(paid).as("never more than the cap").isEqualByComparingTo("50000.00");
        assertThat(retried.stream()
                        .filter(r -> "REJECTED".equals(r.json().path("status").asText()))
                        .findFirst())
                .hasValueSatisfying(r -> assertThat(
                                r.json().at("/benefits/0/rejection/code").asText())
                        .isEqualTo("CAP_REACHED"));
    }

    @Test
    void shouldRejectAClaimWithoutCoverInForce() throws Exception {
        awaitCoverage();

        Response pending = post(stay(PENDING_MEMBER, "1000.00", 3));
        String nobody = UUID.randomUUID().toString();
        Response forNobody = post(stay(nobody, "1000.00", 3));
        String stranger = UUID.randomUUID().toString();
        registerMember(stranger);
        Response none = post(stay(stranger, "1000.00", 3));
        cover(stranger, UUID.randomUUID().toString(), "shaoxing-hospital");
        Response afterCover = post(stay(stranger, "1000.00", 3));

        assertThat(forNobody.status()).as("a member nobody registered").isEqualTo(404);
        assertThat(forNobody.json().path("code").asText()).isEqualTo("UNKNOWN_MEMBER");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where payload::text like ?",
                        Integer.class,
                        "%" + nobody + "%"))
                .as("nothing recorded")
                .isZero();
        assertThat(pending.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(pending.json().path("rejection").path("code").asText()).isEqualTo("PREMIUM_NOT_COLLECTED");
        assertThat(none.json().path("status").asText()).isEqualTo("PENDING_COVERAGE");
        assertThat(none.json().path("rejection").path("code").asText()).isEqualTo("COVERAGE_NOT_YET_KNOWN");
        assertThat(none.json().path("total").asText()).isEqualTo("0.00");
        assertThat(afterCover.json().path("claimId").asText())
                .as("the same claim")
                .isEqualTo(none.json().path("claimId").asText());
        assertThat(afterCover.json().path("status").asText())
                .as("decided once the cover is known")
                .isEqualTo("APPROVED");
        assertThat(afterCover.json().path("total").asText()).isEqualTo("875.00");
        assertThat(decisionsOf(none.json().path("claimId").asText(), 1))
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("ClaimApproved");
    }

    /**
     * A portal or a migration sends the claim a moment after the enrolment, before the cover has reached claims over Kafka:
     * the claim waits, visibly, and is decided once, by itself, when the cover comes.
     */
    @Test
    void aClaimMadeBeforeItsCoverReachesClaimsWaitsAndIsDecidedOnceWhenItComes() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        registerMember(member);
        Response early = post(stay(member, "1000.00", 3));
        String claimId = early.json().path("claimId").asText();

        assertThat(early.status()).as(early.json().toString()).isEqualTo(201);
        assertThat(early.json().path("status").asText()).isEqualTo("PENDING_COVERAGE");
        assertThat(get("/api/claims/" + claimId).json().path("status").asText()).isEqualTo("PENDING_COVERAGE");

        cover(member, UUID.randomUUID().toString(), "shaoxing-hospital");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/claims/" + claimId)
                        .json()
                        .path("status")
                        .asText()
                        .equals("APPROVED"));
        assertThat(get("/api/claims/" + claimId).json().path("total").asText()).isEqualTo("875.00");
        assertThat(decisionsOf(claimId, 1))
                .as("one decision published")
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("ClaimApproved");
        assertThat(jdbc.queryForObject("select count(*) from pending_claim where claim_id = ?", Integer.class, claimId))
                .isZero();
    }

    /**
     * A member's registration and enrolment the coverage listener dead-lettered (the database was refused to it, a bug
     * since fixed): the scheme administrator replays them, the member's claim is decided on that cover, and a second
     * replay applies nothing.
     */
    @Test
    void deadLetteredCoverIsReplayedOnceByTheSchemeAdministratorAndTheClaimIsDecidedOnIt() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            deadLetter(producer, member, registered(member), "claims-coverage");
            deadLetter(
                    producer,
                    member,
                    enrolled(
                            member,
                            UUID.randomUUID().toString(),
                            "shaoxing-hospital",
                            1,
                            START,
                            START.plusYears(1).minusDays(1),
                            START,
                            "COLLECTED"),
                    "claims-coverage");
        }
        String admin = LocalStack.shared().tokens().token("test-admin", "SCHEME_ADMIN", null, null, null);
        Map<String, String> members = Map.of("topic", Topics.MEMBERS);

        Response byAdjudicator = postTo("/api/dead-letters/replay", members);
        Response unknownTopic = postAs(admin, "/api/dead-letters/replay", Map.of("topic", Topics.CLAIMS));
        Response first = postAs(admin, "/api/dead-letters/replay", members);
        Response second = postAs(admin, "/api/dead-letters/replay", members);
        Response claim = post(stay(member, "1000.00", 3));

        assertThat(byAdjudicator.status()).isEqualTo(403);
        assertThat(unknownTopic.status())
                .as("claims does not read its own decisions")
                .isEqualTo(400);
        assertThat(first.status()).as(first.json().toString()).isEqualTo(200);
        assertThat(first.json().path("replayed").asInt())
                .as(first.json().toString())
                .isGreaterThanOrEqualTo(2);
        assertThat(second.json().path("replayed").asInt())
                .as(second.json().toString())
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from coverage_view where member_id = ?",
                        Integer.class,
                        UUID.fromString(member)))
                .as("one cover however often replayed")
                .isEqualTo(1);
        assertThat(claim.json().path("status").asText())
                .as(claim.json().toString())
                .isEqualTo("APPROVED");
        assertThat(claim.json().path("total").asText()).isEqualTo("875.00");
    }

    /** A record as the dead-letter recoverer leaves it: unchanged, with the consumer group that could not apply it. */
    static void deadLetter(KafkaProducer<String, byte[]> producer, String key, SpecificRecord record, String group)
            throws Exception {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(
                Topics.deadLetter(Topics.MEMBERS),
                0,
                key,
                cn.huzhu.contracts.EventCodec.contracts().encode(record));
        letter.headers()
                .add(
                        org.springframework.kafka.support.KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
                        group.getBytes(StandardCharsets.UTF_8));
        letter.headers()
                .add(
                        org.springframework.kafka.support.KafkaHeaders.DLT_ORIGINAL_TOPIC,
                        Topics.MEMBERS.getBytes(StandardCharsets.UTF_8));
        producer.send(letter).get();
    }

    /** A claim whose cover never comes is rejected NO_COVERAGE once its wait ({@code huzhu.claims.coverage-wait}) is over. */
    @Test
    void aClaimWhoseCoverNeverComesIsRejectedNoCoverageWhenItsWaitIsOver() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        registerMember(member);
        Response early = post(stay(member, "1000.00", 3));
        String claimId = early.json().path("claimId").asText();
        assertThat(early.json().path("status").asText())
                .as(early.json().toString())
                .isEqualTo("PENDING_COVERAGE");

        await().atMost(Duration.ofSeconds(40))
                .until(() -> get("/api/claims/" + claimId)
                        .json()
                        .path("status")
                        .asText()
                        .equals("REJECTED"));
        assertThat(get("/api/claims/" + claimId)
                        .json()
                        .path("rejection")
                        .path("code")
                        .asText())
                .isEqualTo("NO_COVERAGE");
        assertThat(decisionsOf(claimId, 1))
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("ClaimRejected");
    }

    @Test
    void shouldHoldAMembersOwnBillForAnAdjudicatorAndRefuseTheSameStayClaimedAgain() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        cover(member, UUID.randomUUID().toString(), "shaoxing-hospital");
        String own = LocalStack.shared().tokens().token("claims-own-" + member, "MEMBER", member, null, null);
        Map<String, Object> otherText = stay(member, "1000.00", 10);
        otherText.put("hospital", "绍兴市人民医院（越城院区）");
        Map<String, Object> aFenMore = stay(member, "1000.01", 10);
        aFenMore.put("eventDate", "2026-03-05");

        Response filed = postAs(own, "/api/claims", stay(member, "1000.00", 10));
        Response sameAgain = postAs(own, "/api/claims", stay(member, "1000.00", 10));
        Response underOtherText = postAs(own, "/api/claims", otherText);
        Response changedByAFen = post(aFenMore);

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(filed.json().path("reviewReasons").toString()).contains("an adjudicator confirms the bill");
        assertThat(sameAgain.status())
                .as("the same claim again is answered as decided")
                .isEqualTo(200);
        for (Response duplicate : List.of(underOtherText, changedByAFen)) {
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.json().path("code").asText()).isEqualTo("DUPLICATE_STAY");
            assertThat(duplicate.json().path("claimId").asText())
                    .isEqualTo(filed.json().path("claimId").asText());
        }
        Response confirmed = postTo(
                "/api/claims/" + filed.json().path("claimId").asText() + "/review",
                Map.of("decision", "APPROVE", "reason", "票据核实"));
        assertThat(confirmed.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(confirmed.json().path("total").asText()).isEqualTo("1050.00");
    }

    @Test
    void shouldSendClaimsThatDoNotAddUpOrAreLargeToReviewAndPayOnlyWhatTheAdjudicatorApproves() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        String enrolment = UUID.randomUUID().toString();
        cover(member, enrolment, "shaoxing-hospital");
        Map<String, Object> large = stay(member, "30000.00", 10);
        large.put(
                "bill",
                Map.of(
                        "total",
                        "50000.00",
                        "pooledFundPaid",
                        "20000.00",
                        "deductible",
                        "0",
                        "coPay",
                        "30000.00",
                        "selfFunded",
                        "0"));
        Map<String, Object> backwards = stay(member, "1000.00", 3);
        backwards.put("eventDate", "2026-04-10");
        backwards.put("dischargeDate", "2026-04-01");

        Response inReview = post(large);
        Response contradictory = post(backwards);
        String reviewUrl = "/api/claims/" + inReview.json().path("claimId").asText() + "/review";

        assertThat(inReview.status()).isEqualTo(201);
        assertThat(inReview.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(inReview.json().path("total").asText())
                .as("proposed, 80 % of 30 000 and 10 days")
                .isEqualTo("24250.00");
        assertThat(inReview.json().path("reviewReasons").get(0).asText()).startsWith("ABOVE_REVIEW_THRESHOLD");
        assertThat(contradictory.json().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(contradictory.json().path("reviewReasons").get(0).asText()).isEqualTo("DISCHARGE_BEFORE_ADMISSION");
        String charges =
                "select count(*) from domainevententry where payloadtype like '%BenefitAccountChargedEvent' and aggregateidentifier = ?";
        assertThat(jdbc.queryForObject(charges, Integer.class, "benefit-account-" + enrolment))
                .as("nothing charged while in review")
                .isZero();

        Response byTheFiler = postTo(reviewUrl, Map.of("decision", "APPROVE", "reason", "自己核对"));
        Response approved = postAs(
                SECOND_ADJUDICATOR,
                reviewUrl,
                Map.of("decision", "APPROVE", "reason", "出院小结与账单核对无误", "reviewer", "审核员甲"));
        Response twice = postAs(SECOND_ADJUDICATOR, reviewUrl, Map.of("decision", "REJECT", "reason", "again"));
        Response rejected = postAs(
                SECOND_ADJUDICATOR,
                "/api/claims/" + contradictory.json().path("claimId").asText() + "/review",
                Map.of("decision", "REJECT", "reason", "出院日期早于入院日期"));
        Response resent = post(backwards);

        assertThat(byTheFiler.status())
                .as("four eyes: whoever filed a claim does not review it")
                .isEqualTo(403);
        assertThat(byTheFiler.json().path("code").asText()).isEqualTo("FOUR_EYES");
        assertThat(approved.status()).as(approved.json().toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().path("total").asText()).isEqualTo("24250.00");
        assertThat(approved.json().path("review").path("reviewer").asText())
                .as("the token's subject, whatever the body says")
                .isEqualTo("test-adjudicator-2");
        assertThat(jdbc.queryForObject(charges, Integer.class, "benefit-account-" + enrolment))
                .as("charged once approved")
                .isEqualTo(1);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(rejected.json().path("rejection").path("code").asText()).isEqualTo("REJECTED_IN_REVIEW");
        assertThat(resent.json().path("status").asText())
                .as("a reviewer's rejection stands")
                .isEqualTo("REJECTED");
        // the member is told the claim waits (no reasons on the topic: they may name the condition), then what was
        // decided
        List<SpecificRecord> published =
                decisionsOf(inReview.json().path("claimId").asText(), 2);
        assertThat(published)
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("ClaimReferredForReview", "ClaimApproved");
        assertThat(published.get(0).toString()).doesNotContain("ABOVE_REVIEW_THRESHOLD");
    }

    @Test
    void shouldRefuseCodesOutsideTheirListsAndValuesOfTheWrongTypeAndRecordNothing() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        cover(member, UUID.randomUUID().toString(), "shaoxing-hospital");
        Response paid = post(stay(member, "500.00", 2));
        String claimId = paid.json().path("claimId").asText();
        long before = jdbc.queryForObject("select count(*) from domainevententry", Long.class);

        List<Response> refused = new ArrayList<>();
        refused.add(postTo("/api/claims/" + claimId + "/revoke", Map.of("reason", "NOPE")));
        Map<String, Object> unknownExclusion = stay(member, "700.00", 2);
        unknownExclusion.put("eventDate", "2026-05-02");
        unknownExclusion.put("dischargeDate", "2026-05-04");
        unknownExclusion.put("exclusions", List.of("NOPE"));
        refused.add(post(unknownExclusion));
        for (Object day : List.of(2020, "0000-01-01", "2026-02-30", " 2026-03-01")) {
            Map<String, Object> claim = stay(member, "700.00", 2);
            claim.put("eventDate", day);
            refused.add(post(claim));
        }
        Map<String, Object> fractionOfADay = stay(member, "700.00", 2);
        fractionOfADay.put("hospitalDays", 1.5);
        refused.add(post(fractionOfADay));
        Map<String, Object> typeByNumber = stay(member, "700.00", 2);
        typeByNumber.put("type", 0);
        refused.add(post(typeByNumber));
        Map<String, Object> spacedMoney = stay(member, "700.00", 2);
        spacedMoney.put(
                "bill",
                Map.of(
                        "total",
                        " 2100.00",
                        "pooledFundPaid",
                        "1400.00",
                        "deductible",
                        "0",
                        "coPay",
                        "700.00",
                        "selfFunded",
                        "0"));
        refused.add(post(spacedMoney));

        assertThat(refused)
                .allSatisfy(r -> assertThat(r.status())
                        .as(r.json() == null ? "" : r.json().toString())
                        .isEqualTo(400));
        assertThat(get("/api/claims/" + claimId).json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class))
                .as("nothing recorded")
                .isEqualTo(before);
        assertThat(get("/v3/api-docs").status())
                .as("the service describes its API")
                .isEqualTo(200);
    }

    @Test
    void shouldRevokeAnApprovedClaimRestoreTheBenefitAccountAndPublishTheRecovery() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        cover(member, UUID.randomUUID().toString(), "ningbo-2020-special-disease");
        Map<String, Object> diagnosis = Map.of(
                "memberId", member, "type", "CRITICAL_ILLNESS", "eventDate", "2026-03-01", "diseaseCode", "UREMIA");
        Map<String, Object> secondDiagnosis = Map.of(
                "memberId", member, "type", "CRITICAL_ILLNESS", "eventDate", "2026-04-01", "diseaseCode", "CABG");

        Response paid = post(diagnosis);
        Response onceOnly = post(secondDiagnosis);
        String claimId = paid.json().path("claimId").asText();
        Response revoked = postTo("/api/claims/" + claimId + "/revoke", Map.of("reason", "FRAUD", "note", "诊断证明系伪造"));
        Response again = postTo("/api/claims/" + claimId + "/revoke", Map.of("reason", "FRAUD"));
        Response notApproved = postTo(
                "/api/claims/" + onceOnly.json().path("claimId").asText() + "/revoke", Map.of("reason", "FRAUD"));
        Response badReason = postTo("/api/claims/" + claimId + "/revoke", Map.of("reason", "fraud!"));
        Response afterRevocation = post(secondDiagnosis);

        assertThat(paid.json().path("total").asText()).isEqualTo("10000.00");
        assertThat(onceOnly.json().path("rejection").path("code").asText())
                .as("the lump sum is paid once per term")
                .isEqualTo("ALREADY_PAID");
        assertThat(revoked.status()).as(revoked.json().toString()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revocation").path("reason").asText()).isEqualTo("FRAUD");
        assertThat(again.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(notApproved.status()).isEqualTo(409);
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(afterRevocation.json().path("status").asText())
                .as("the account is restored")
                .isEqualTo("APPROVED");
        assertThat(afterRevocation.json().path("total").asText()).isEqualTo("10000.00");
        List<SpecificRecord> published = decisionsOf(claimId, 2);
        assertThat(published)
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("ClaimApproved", "ClaimRevoked");
        assertThat(((ClaimRevoked) published.get(1)).getTotal()).isEqualByComparingTo("10000.00");
    }

    @Test
    void shouldPayTheFirstDiagnosisOnceInALifeAcrossTheMembersEnrolmentsUnlessItIsRevoked() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        LocalDate lastYear = START.minusYears(1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(
                    producer,
                    Topics.MEMBERS,
                    member,
                    enrolled(
                            member,
                            UUID.randomUUID().toString(),
                            "huzhou-major-disease",
                            1,
                            lastYear,
                            START.minusDays(1),
                            lastYear,
                            "COLLECTED"));
            send(
                    producer,
                    Topics.MEMBERS,
                    member,
                    enrolled(
                            member,
                            UUID.randomUUID().toString(),
                            "huzhou-major-disease",
                            1,
                            START,
                            START.plusYears(1).minusDays(1),
                            START,
                            "COLLECTED"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                        "select count(*) from coverage_view where member_id = ?",
                                        Integer.class,
                                        UUID.fromString(member))
                                == 2
                        && jdbc.queryForObject(
                                        "select count(*) from plan_definition where plan_id = 'huzhou-major-disease'",
                                        Integer.class)
                                == 3);
        Map<String, Object> diagnosedLastYear = Map.of(
                "memberId",
                member,
                "type",
                "CRITICAL_ILLNESS",
                "eventDate",
                lastYear.plusMonths(2).toString(),
                "dischargeDate",
                lastYear.plusMonths(2).plusDays(10).toString(),
                "diseaseCode",
                "UREMIA");
        Map<String, Object> diagnosedThisYear = Map.of(
                "memberId",
                member,
                "type",
                "CRITICAL_ILLNESS",
                "eventDate",
                START.plusMonths(2).toString(),
                "dischargeDate",
                START.plusMonths(2).plusDays(10).toString(),
                "diseaseCode",
                "UREMIA");

        Response first = post(diagnosedLastYear);
        Response renewed = post(diagnosedThisYear);
        postTo("/api/claims/" + first.json().path("claimId").asText() + "/revoke", Map.of("reason", "MISDIAGNOSIS"));
        Response afterRevocation = post(diagnosedThisYear);

        // 3 000 and ten days of 1 000 / 30.
        assertThat(first.json().path("total").asText()).isEqualTo("3333.33");
        assertThat(renewed.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(renewed.json().path("rejection").path("code").asText())
                .as("paid under last year's enrolment")
                .isEqualTo("ALREADY_PAID");
        assertThat(afterRevocation.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(afterRevocation.json().path("total").asText()).isEqualTo("3333.33");
    }

    /**
     * Plan versions (ADR 0024): a claim is judged by the version in force on its event date, the highest-numbered one
     * that started on or before it: an amendment from 2026-07-01 applies to stays from that day, v1 to those before.
     */
    @Test
    void aClaimIsJudgedByThePlanVersionInForceOnItsEventDate() throws Exception {
        awaitCoverage();
        String plan = "test-amended-" + UUID.randomUUID().toString().substring(0, 8);
        String member = UUID.randomUUID().toString();
        String v1 = amended(plan, 1, "2026-01-01", "0.80");
        String v2 = amended(plan, 2, "2026-07-01", "0.50");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            publishPlan(producer, plan, 1, v1);
            publishPlan(producer, plan, 2, v2);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from plan_definition where plan_id = ?", Integer.class, plan)
                        == 2);
        cover(member, UUID.randomUUID().toString(), plan);
        Map<String, Object> june = stay(member, "1000.00", 3);
        june.put("eventDate", "2026-06-27");
        june.put("dischargeDate", "2026-06-30");
        Map<String, Object> july = stay(member, "1000.00", 3);
        july.put("eventDate", "2026-07-01");
        july.put("dischargeDate", "2026-07-04");

        Response beforeTheAmendment = post(june);
        Response fromTheAmendment = post(july);

        assertThat(beforeTheAmendment.json().path("total").asText())
                .as(beforeTheAmendment.json().toString())
                .isEqualTo("800.00");
        assertThat(benefitOf(beforeTheAmendment.json(), plan)
                        .path("planVersion")
                        .asInt())
                .isEqualTo(1);
        assertThat(fromTheAmendment.json().path("total").asText())
                .as(fromTheAmendment.json().toString())
                .isEqualTo("500.00");
        assertThat(benefitOf(fromTheAmendment.json(), plan).path("planVersion").asInt())
                .isEqualTo(2);
    }

    /** A version of a plan paying this share of the co-pay from this day: Shaoxing's definition with one flat-rate benefit. */
    static String amended(String planId, int version, String validFrom, String rate) throws IOException {
        ObjectNode plan = (ObjectNode)
                JSON.readTree(PlanDefinition.file("shaoxing-hospital", 2).orElseThrow());
        plan.put("planId", planId).put("version", version).put("validFrom", validFrom);
        plan.set(
                "benefits",
                JSON.createArrayNode()
                        .add(JSON.createObjectNode()
                                .put("type", "FLAT_RATE")
                                .put("base", "CO_PAY")
                                .put("rate", rate)
                                .set("claimTypes", JSON.createArrayNode().add("HOSPITALIZATION"))));
        return JSON.writeValueAsString(plan);
    }

    /**
     * A plan definition the catalogue's schema refuses (here a misspelt benefit type) is dead-lettered where it arrives and
     * never kept: no claim is judged by it, and the rest of the catalogue is read on.
     */
    @Test
    void aPlanDefinitionTheSchemaRefusesIsDeadLetteredAndNeverJudgedBy() throws Exception {
        String plan = "test-misspelt-" + UUID.randomUUID().toString().substring(0, 8);
        String misspelt = amended(plan, 1, "2026-01-01", "0.80").replace("\"FLAT_RATE\"", "\"FLAT_RAET\"");
        String good = "test-good-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            publishPlan(producer, plan, 1, misspelt);
            publishPlan(producer, good, 1, amended(good, 1, "2026-01-01", "0.80"));
        }
        assertThat(TopicRecords.keys(Topics.deadLetter(Topics.PLANS), plan, 1))
                .as("the refused definition, dead-lettered")
                .hasSize(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from plan_definition where plan_id = ?", Integer.class, good)
                        == 1);
        assertThat(jdbc.queryForObject("select count(*) from plan_definition where plan_id = ?", Integer.class, plan))
                .isZero();
    }

    /** Wujin exclusions (PLANS.md): asserted by the adjudicator they reject the benefit at once; flagged by the member they are reviewed. */
    @Test
    void anExclusionTheAdjudicatorAssertsRejectsAtOnceAndOneTheMemberSuspectsGoesToReview() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        cover(member, UUID.randomUUID().toString(), "wujin-2022");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from plan_definition where plan_id = 'wujin-2022'", Integer.class)
                        == 1);
        Map<String, Object> fight = stay(member, "3000.00", 10);
        fight.put("exclusions", List.of("DRUNKENNESS_OR_FIGHTING"));
        Map<String, Object> laterStay = stay(member, "3000.00", 10);
        laterStay.put("eventDate", "2026-06-01");
        laterStay.put("dischargeDate", "2026-06-11");
        laterStay.put("exclusions", List.of("DRUNKENNESS_OR_FIGHTING"));

        Response asserted = post(fight);
        Response suspected = postAs(
                LocalStack.shared().tokens().token("claims-own-" + member, "MEMBER", member, null, null),
                "/api/claims",
                laterStay);

        assertThat(asserted.json().path("status").asText())
                .as(asserted.json().toString())
                .isEqualTo("REJECTED");
        assertThat(asserted.json().path("rejection").path("code").asText()).isEqualTo("EXCLUDED");
        assertThat(asserted.json().path("reviewReasons")).isEmpty();
        assertThat(suspected.json().path("status").asText())
                .as(suspected.json().toString())
                .isEqualTo("IN_REVIEW");
        assertThat(suspected.json().path("reviewReasons").toString())
                .contains("EXCLUSIONS_FLAGGED [DRUNKENNESS_OR_FIGHTING]");
        assertThat(suspected.json().path("total").asText())
                .as("proposed as if it did not apply: 3 000 is in [1 000, 5 000)")
                .isEqualTo("500.00");
    }

    /** First diagnosis (PLANS.md): diagnosed in the waiting period and paid nothing, the disease pays no lump sum later. */
    @Test
    void aFirstDiagnosisInTheWaitingPeriodThatPaidNothingStillClosesTheLumpSumForThatDisease() throws Exception {
        awaitCoverage();
        String member = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(
                    producer,
                    Topics.MEMBERS,
                    member,
                    enrolled(
                            member,
                            UUID.randomUUID().toString(),
                            "ningbo-2020-special-disease",
                            1,
                            START,
                            START.plusYears(1).minusDays(1),
                            START.plusDays(90),
                            "COLLECTED"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from coverage_view where member_id = ?",
                                Integer.class,
                                UUID.fromString(member))
                        == 1);

        Response day20 = post(Map.of(
                "memberId",
                member,
                "type",
                "CRITICAL_ILLNESS",
                "eventDate",
                START.plusDays(20).toString(),
                "diseaseCode",
                "APLASTIC_ANEMIA"));
        Response day100 = post(Map.of(
                "memberId",
                member,
                "type",
                "CRITICAL_ILLNESS",
                "eventDate",
                START.plusDays(100).toString(),
                "diseaseCode",
                "APLASTIC_ANEMIA"));
        Response anotherDisease = post(Map.of(
                "memberId",
                member,
                "type",
                "CRITICAL_ILLNESS",
                "eventDate",
                START.plusDays(110).toString(),
                "diseaseCode",
                "AORTIC_SURGERY"));

        assertThat(day20.json().path("rejection").path("code").asText())
                .as(day20.json().toString())
                .isEqualTo("IN_WAITING_PERIOD");
        assertThat(day100.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(day100.json().path("rejection").path("code").asText())
                .as(day100.json().toString())
                .isEqualTo("NOT_FIRST_DIAGNOSIS");
        assertThat(anotherDisease.json().path("total").asText())
                .as(anotherDisease.json().toString())
                .isEqualTo("10000.00");
    }

    @Test
    void shouldAnswerMalformedInputWithProblems() throws Exception {
        Map<String, Object> negative = stay(MEMBER, "-1", 3);

        assertThat(post(negative).json().path("errors").get(0).path("field").asText())
                .isEqualTo("bill.coPay");
        assertThat(post(Map.of("memberId", MEMBER, "type", "CRITICAL_ILLNESS", "eventDate", "2026-02-10"))
                        .status())
                .isEqualTo(400);
        assertThat(post(Map.of("memberId", MEMBER, "type", "HOSPITALIZATION", "eventDate", "2026-02-10"))
                        .status())
                .isEqualTo(400);
        Response unknownDisease = post(Map.of(
                "memberId", MEMBER, "type", "CRITICAL_ILLNESS", "eventDate", "2026-02-10", "diseaseCode", "FLU"));
        assertThat(unknownDisease.status()).isEqualTo(400);
        assertThat(unknownDisease.json().path("detail").asText())
                .contains("FLU")
                .contains("/api/disease-codes");
        Response codes = get("/api/disease-codes");
        assertThat(codes.json()).hasSize(35);
        assertThat(codes.json().findValuesAsText("code"))
                .contains("PARKINSONS_DISEASE", "COVID19", "UREMIA")
                .doesNotContain("MAJOR_DISEASE");
        assertThat(get("/api/claims/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(postTo(
                                "/api/claims/" + UUID.randomUUID() + "/review",
                                Map.of("decision", "APPROVE", "reason", "x", "reviewer", "y"))
                        .status())
                .isEqualTo(404);
    }
}
