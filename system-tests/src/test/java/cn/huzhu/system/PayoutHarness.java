package cn.huzhu.system;

import cn.huzhu.bank.BankSimulator;
import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.identity.BankAccounts;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * payout-service started from its jar as a process of its own (so it can be killed), against the test JVM's PostgreSQL and
 * Kafka and a bank simulator in this JVM that counts every transfer it executes. Approved claims are published as
 * claims-service would.
 */
final class PayoutHarness implements AutoCloseable {

    /** A payout expected at the bank: its id (derived from claim and enrolment as the contract says) and amount. */
    record Expected(String payoutId, BigDecimal amount) {}

    final LocalStack stack = LocalStack.shared();
    final BankSimulator bank = BankSimulator.start(0, null);
    private final Path logs;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final int port = ServiceProcess.freePort();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ServiceProcess payout;
    private int starts;

    PayoutHarness(Path logs, List<String> jvmOptions, Map<String, String> settings) {
        Docker.requireIfServicesAreContainers();
        this.logs = logs;
        this.jvmOptions = jvmOptions;
        Map<String, String> env = new HashMap<>(settings);
        env.put("DATABASE_URL", stack.jdbcUrl("payout"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("JWT_JWK_SET_URI", SystemTokens.jwkSetUri());
        env.put("RATE_LIMIT_PER_MINUTE", "0");
        env.put("BANK_URL", bank.baseUrl());
        env.putIfAbsent("BANK_NOTIFY_URL", "");
        this.environment = Map.copyOf(env);
    }

    /** Starts (or starts again) payout-service and waits until it is healthy. */
    ServiceProcess start() {
        Path root =
                Path.of(System.getProperty("huzhu.root", "..")).toAbsolutePath().normalize();
        payout = ServiceProcess.start(
                "payout-service",
                root.resolve("payout-service").resolve("target").resolve("payout-service-exec.jar"),
                port,
                environment,
                logs.resolve("payout-service-" + (++starts) + ".log"),
                jvmOptions);
        return payout.awaitHealthy(Duration.ofMinutes(3));
    }

    /** Where the running payout-service answers. */
    String baseUrl() {
        return payout.baseUrl();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() {
        payout.kill();
    }

    /** Members with a card each; answers their ids. */
    List<String> members(KafkaProducer<String, byte[]> producer, int count, int firstCard) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(UUID.randomUUID().toString());
        }
        accounts(producer, members, firstCard);
        return members;
    }

    /** Registers a card for each member (card numbers from {@code firstCard} on). */
    void accounts(KafkaProducer<String, byte[]> producer, List<String> members, int firstCard) {
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            send(
                    producer,
                    Topics.BANK_ACCOUNTS,
                    member,
                    MemberBankAccountRegistered.newBuilder()
                            .setEventId(UUID.randomUUID())
                            .setOccurredAt(Instant.now())
                            .setMemberId(UUID.fromString(member))
                            .setDistrict(i % 2 == 0 ? "越城" : "柯桥")
                            .setBankName("中国工商银行")
                            .setAccountType("CARD")
                            .setAccountNumber(BankAccounts.card(firstCard + i))
                            .setHolderName("会员" + i)
                            .setPhone(null)
                            .setRegisteredOn(LocalDate.of(2026, 11, 1))
                            .build());
        }
        producer.flush();
    }

    /** Approves {@code count} claims of one benefit each, spread over the members; answers what the bank should execute. */
    List<Expected> approve(KafkaProducer<String, byte[]> producer, List<String> members, int count) {
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String member = members.get(i % members.size());
            String claim = UUID.randomUUID().toString();
            String enrollment = UUID.randomUUID().toString();
            BigDecimal amount = new BigDecimal(100 + i % 900).add(new BigDecimal("0.50"));
            expected.add(new Expected(payoutId(claim, enrollment), amount));
            ClaimApproved approved = ClaimApproved.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(Instant.now())
                    .setClaimId(UUID.fromString(claim))
                    .setMemberId(UUID.fromString(member))
                    .setType("HOSPITALIZATION")
                    .setEventDate(LocalDate.of(2026, 10, 1))
                    .setDecidedOn(LocalDate.of(2026, 11, 20))
                    .setTotal(amount)
                    .setBenefits(List.of(
                            new ApprovedBenefit("shaoxing-2025-inservice", 1, UUID.fromString(enrollment), amount)))
                    .setHospitalSettlement(null)
                    .build();
            producer.send(new ProducerRecord<>(
                    Topics.CLAIMS, member, EventCodec.contracts().encode(approved)));
        }
        producer.flush();
        return expected;
    }

    /** A claim paid and then revoked: what the member owes back, and the payout that was made. */
    record Debt(String memberId, String payoutId, BigDecimal amount) {}

    /**
     * Gives each member a debt: a claim of {@code amount(i)} approved, paid at the bank, then revoked (fraud), so the
     * member owes it back and the next payout keeps it back.
     */
    List<Debt> debts(
            KafkaProducer<String, byte[]> producer,
            List<String> members,
            java.util.function.IntFunction<BigDecimal> amount) {
        List<Debt> debts = new ArrayList<>();
        List<String[]> claims = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            String claim = UUID.randomUUID().toString();
            String enrollment = UUID.randomUUID().toString();
            BigDecimal owed = amount.apply(i);
            debts.add(new Debt(member, payoutId(claim, enrollment), owed));
            claims.add(new String[] {claim, enrollment});
            send(
                    producer,
                    Topics.CLAIMS,
                    member,
                    ClaimApproved.newBuilder()
                            .setEventId(UUID.randomUUID())
                            .setOccurredAt(Instant.now())
                            .setClaimId(UUID.fromString(claim))
                            .setMemberId(UUID.fromString(member))
                            .setType("HOSPITALIZATION")
                            .setEventDate(LocalDate.of(2026, 9, 1))
                            .setDecidedOn(LocalDate.of(2026, 11, 1))
                            .setTotal(owed)
                            .setBenefits(List.of(new ApprovedBenefit(
                                    "shaoxing-2025-inservice", 1, UUID.fromString(enrollment), owed)))
                            .setHospitalSettlement(null)
                            .build());
        }
        producer.flush();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() ->
                        debts.stream().allMatch(d -> bank.executedByPayout().containsKey(d.payoutId()))
                                && succeeded(debts.stream().map(Debt::payoutId).toList()) == debts.size());
        for (int i = 0; i < members.size(); i++) {
            Debt debt = debts.get(i);
            send(
                    producer,
                    Topics.CLAIMS,
                    debt.memberId(),
                    cn.huzhu.contracts.claims.ClaimRevoked.newBuilder()
                            .setEventId(UUID.randomUUID())
                            .setOccurredAt(Instant.now())
                            .setClaimId(UUID.fromString(claims.get(i)[0]))
                            .setMemberId(UUID.fromString(debt.memberId()))
                            .setReason("FRAUD")
                            .setRevokedOn(LocalDate.of(2026, 11, 10))
                            .setTotal(debt.amount())
                            .setEnrollmentIds(List.of(UUID.fromString(claims.get(i)[1])))
                            .build());
        }
        producer.flush();
        BigDecimal owed = debts.stream().map(Debt::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> decimal("select coalesce(sum(outstanding), 0) from recovery_view")
                                .compareTo(owed)
                        == 0);
        return debts;
    }

    /** How many of these payouts are paid, as the database has it (other tests' payouts share the database). */
    long succeeded(java.util.Collection<String> payoutIds) {
        return statuses(payoutIds).getOrDefault("SUCCEEDED", 0L);
    }

    /** These payouts per status, as the database has them. */
    Map<String, Long> statuses(java.util.Collection<String> payoutIds) {
        Map<String, Long> statuses = new HashMap<>();
        if (payoutIds.isEmpty()) {
            return statuses;
        }
        String ids = payoutIds.stream()
                .map(id -> "'" + UUID.fromString(id) + "'")
                .collect(java.util.stream.Collectors.joining(","));
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(stack.jdbcUrl("payout"), "postgres", "postgres");
                java.sql.ResultSet rs = c.createStatement()
                        .executeQuery("select status, count(*) from payout_view where payout_id in (" + ids
                                + ") group by status")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the payout database", e);
        }
        return statuses;
    }

    /** A number (a sum, a count) read from the service's database. */
    BigDecimal decimal(String sql) {
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(stack.jdbcUrl("payout"), "postgres", "postgres");
                java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the payout database", e);
        }
    }

    /** What was kept back from each payout for the member's debt, by payout id. */
    Map<String, BigDecimal> offsets() {
        Map<String, BigDecimal> offsets = new HashMap<>();
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(stack.jdbcUrl("payout"), "postgres", "postgres");
                java.sql.ResultSet rs = c.createStatement()
                        .executeQuery("select payout_id, offset_amount from payout_view where offset_amount > 0")) {
            while (rs.next()) {
                offsets.put(rs.getString(1), rs.getBigDecimal(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the payout database", e);
        }
        return offsets;
    }

    /** The payout id the contract promises: a name-based UUID of claim and enrolment. */
    static String payoutId(String claimId, String enrollmentId) {
        return UUID.nameUUIDFromBytes(("payout:" + claimId + ":" + enrollmentId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Payouts per status, as the service reports them (empty when it is not answering). */
    Map<String, Long> counts() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(payout.baseUrl() + "/api/payouts/counts"))
                            .header("Authorization", SystemTokens.bearer())
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Long> counts = new HashMap<>();
            JsonNode body = json.readTree(response.body());
            body.fields()
                    .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            return counts;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** Payouts with a transfer at the bank and no outcome recorded, read from the service's database (it may be down). */
    long inFlight() {
        return count("select count(*) from payout_view where status = 'SENDING'");
    }

    /** A count read from the service's database. */
    long count(String sql) {
        return decimal(sql).longValueExact();
    }

    /** Payouts not paid yet, as the database has them, with what the bank knows of their transfer: for failure messages. */
    String unpaid() {
        StringBuilder report = new StringBuilder();
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(stack.jdbcUrl("payout"), "postgres", "postgres");
                java.sql.ResultSet rs = c.createStatement()
                        .executeQuery(
                                "select payout_id, status, attempts, reference, requested_at, next_attempt_at from payout_view where status <> 'SUCCEEDED' limit 20")) {
            while (rs.next()) {
                String reference = rs.getString(4);
                String atBank = bank.transfers().stream()
                        .filter(t -> t.reference().equals(reference))
                        .map(BankSimulator.Transfer::status)
                        .findFirst()
                        .orElse("unknown to the bank");
                report.append(String.format(
                        "%n  %s %s attempt %d %s requested %s retry %s; bank: %s; events: %s",
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        reference,
                        rs.getTimestamp(5),
                        rs.getTimestamp(6),
                        atBank,
                        events(c, rs.getString(1))));
            }
        } catch (java.sql.SQLException e) {
            report.append(" (database not readable: ").append(e.getMessage()).append(')');
        }
        try {
            Process dump = new ProcessBuilder("jcmd", Long.toString(payout.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve("payout-service-threads.txt").toFile())
                    .start();
            dump.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            report.append(String.format("%n  threads: %s", logs.resolve("payout-service-threads.txt")));
        } catch (IOException | InterruptedException e) {
            report.append(" (no thread dump: ").append(e).append(')');
        }
        return "counts " + counts() + report;
    }

    private static String events(java.sql.Connection c, String aggregate) throws java.sql.SQLException {
        StringBuilder events = new StringBuilder();
        try (java.sql.PreparedStatement q = c.prepareStatement(
                "select sequencenumber, payloadtype, timestamp from domainevententry where aggregateidentifier = ? order by sequencenumber")) {
            q.setString(1, aggregate);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    events.append(rs.getLong(1))
                            .append(' ')
                            .append(type.substring(type.lastIndexOf('$') + 1))
                            .append(' ')
                            .append(rs.getString(3))
                            .append("; ");
                }
            }
        }
        return events.toString();
    }

    /** Transfers the bank executed, all payouts together. */
    long executed() {
        return bank.executedByPayout().values().stream().mapToLong(List::size).sum();
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static void send(
            KafkaProducer<String, byte[]> producer,
            String topic,
            String key,
            org.apache.avro.specific.SpecificRecord record) {
        producer.send(new ProducerRecord<>(topic, key, EventCodec.contracts().encode(record)));
    }

    @Override
    public void close() {
        if (payout != null) {
            payout.close();
        }
        bank.close();
    }
}
