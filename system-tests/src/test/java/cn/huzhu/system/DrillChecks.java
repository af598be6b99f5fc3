package cn.huzhu.system;

import cn.huzhu.bank.BankSimulator;
import cn.huzhu.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The invariants every drill must leave true, read from the outside once the load has stopped: from the services' APIs,
 * their databases, the bank's ledger and the topics. {@link #settle} waits until the platform has caught up (or gives
 * up after a while) and answers the figures; {@link Figures#violations()} lists what does not hold.
 */
final class DrillChecks {

    /** The invariants' figures after one drill. */
    record Figures(
            String drill,
            long cycles,
            long enrolmentsAcknowledged,
            Map<String, Long> enrolmentsCommitted,
            Map<String, Long> districtTable,
            long membersWithoutEnrolment,
            long membersEnrolledTwice,
            long claims,
            long claimsApproved,
            List<String> claimsNotApproved,
            BigDecimal approved,
            long benefits,
            long benefitsPaidOnce,
            long benefitsUnpaid,
            long benefitsPaidTwice,
            long amountsWrong,
            List<String> transfersNotExpected,
            BigDecimal paidAtBank,
            BigDecimal outstanding,
            long payoutsPending,
            long reportingLag,
            int rebuildDifferences,
            List<String> differences,
            long deadLetters,
            List<String> deadLettersNotPoison,
            Set<String> poisonMissing,
            Duration recovered) {

        List<String> violations() {
            List<String> violations = new ArrayList<>();
            if (!enrolmentsCommitted.equals(districtTable)) {
                violations.add("district table " + districtTable + " differs from the committed enrolments "
                        + enrolmentsCommitted);
            }
            if (membersWithoutEnrolment > 0) {
                violations.add(membersWithoutEnrolment + " acknowledged enrolments not committed");
            }
            if (membersEnrolledTwice > 0) {
                violations.add(membersEnrolledTwice + " members enrolled twice");
            }
            if (!claimsNotApproved.isEmpty()) {
                violations.add(
                        "claims not approved: " + claimsNotApproved.subList(0, Math.min(10, claimsNotApproved.size())));
            }
            if (benefitsUnpaid > 0 || benefitsPaidTwice > 0 || amountsWrong > 0 || !transfersNotExpected.isEmpty()) {
                violations.add("benefits unpaid " + benefitsUnpaid + ", paid twice " + benefitsPaidTwice
                        + ", wrong amount " + amountsWrong
                        + ", transfers for no approved benefit " + transfersNotExpected.size()
                        + (transfersNotExpected.isEmpty()
                                ? ""
                                : " (payouts "
                                        + transfersNotExpected.subList(0, Math.min(5, transfersNotExpected.size()))
                                        + ")"));
            }
            if (approved.compareTo(paidAtBank.add(outstanding)) != 0) {
                violations.add("approved " + approved + " ≠ paid " + paidAtBank + " + outstanding " + outstanding);
            }
            if (payoutsPending > 0) {
                violations.add(payoutsPending + " payouts not paid");
            }
            if (reportingLag != 0) {
                violations.add("reporting's consumers " + reportingLag + " records behind the topics");
            }
            if (rebuildDifferences != 0) {
                violations.add("rebuilt projections differ from the live ones in " + rebuildDifferences + " rows: "
                        + differences);
            }
            if (!deadLettersNotPoison.isEmpty()) {
                violations.add("dead letters that are not poison: "
                        + deadLettersNotPoison.subList(0, Math.min(10, deadLettersNotPoison.size())));
            }
            if (!poisonMissing.isEmpty()) {
                violations.add("poison not in the dead-letter topics: " + poisonMissing);
            }
            return violations;
        }

        long lost() {
            return membersWithoutEnrolment
                    + benefitsUnpaid
                    + Math.max(0, sum(enrolmentsCommitted) - sum(districtTable));
        }

        long duplicated() {
            return membersEnrolledTwice
                    + benefitsPaidTwice
                    + transfersNotExpected.size()
                    + Math.max(0, sum(districtTable) - sum(enrolmentsCommitted));
        }

        private static long sum(Map<String, Long> counts) {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        String line() {
            return String.format(
                    "enrolments %d acknowledged, %s committed, %s in the district table; claims %d, approved %d (%s yuan);"
                            + " benefits %d, paid once %d, paid twice %d, unpaid %d; paid at the bank %s + outstanding %s; payouts pending %d;"
                            + " reporting behind by %d records; rebuild differences %d; dead letters %d (not poison %d); lost %d, duplicated %d; settled %.1f s after the load stopped",
                    enrolmentsAcknowledged,
                    enrolmentsCommitted,
                    districtTable,
                    claims,
                    claimsApproved,
                    approved,
                    benefits,
                    benefitsPaidOnce,
                    benefitsPaidTwice,
                    benefitsUnpaid,
                    paidAtBank,
                    outstanding,
                    payoutsPending,
                    reportingLag,
                    rebuildDifferences,
                    deadLetters,
                    deadLettersNotPoison.size(),
                    lost(),
                    duplicated(),
                    recovered.toMillis() / 1e3);
        }
    }

    private final DrillPlatform platform;
    private final DrillLoad load;
    private final long since;
    private final Calls staff;
    private final Map<String, JsonNode> decided = new HashMap<>();
    private final Set<String> poison = new HashSet<>();

    /** @param since when the suite began (ms since the epoch): dead letters before it belong to other tests */
    DrillChecks(DrillPlatform platform, DrillLoad load, long since) {
        this.platform = platform;
        this.staff = new Calls(platform.staff);
        this.load = load;
        this.since = since;
    }

    /** Poison sent: its key must reach a dead-letter topic, and only such keys may. */
    void poisonSent(Set<String> keys) {
        poison.addAll(keys);
    }

    /**
     * Waits until the claims are decided, their payouts paid and the district table caught up (at most {@code timeout} from
     * now), then reads every figure once more, with a rebuild of the projections compared to the live ones.
     */
    Figures settle(String drill, long loadStoppedNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Figures figures = figures(drill, loadStoppedNanos, false);
            if (figures.violations().isEmpty() || System.nanoTime() >= deadline) {
                // the last records the load caused may still be on their way when it first looks caught up: the figures
                // with the rebuild are taken again until they hold too, or the time is up
                Figures withRebuild = figures(drill, loadStoppedNanos, true);
                if (withRebuild.violations().isEmpty() || System.nanoTime() >= deadline) {
                    return withRebuild;
                }
            }
            Thread.sleep(2_000);
        }
    }

    private Figures figures(String drill, long loadStoppedNanos, boolean withRebuild) {
        Duration recovered = Duration.ofNanos(System.nanoTime() - loadStoppedNanos);
        List<DrillLoad.Cycle> cycles = load.done();
        Map<String, Long> committed = committedEnrolments();
        Map<String, Long> table = districtTable();
        Map<String, Long> enrolmentsPerMember = enrolmentsPerMember(cycles);
        long without = cycles.stream()
                .filter(c -> enrolmentsPerMember.getOrDefault(c.memberId(), 0L) == 0)
                .count();
        long twice =
                enrolmentsPerMember.values().stream().filter(count -> count > 1).count();

        List<String> notApproved = new ArrayList<>();
        Map<String, BigDecimal> expected = new HashMap<>();
        BigDecimal approved = BigDecimal.ZERO;
        long approvedClaims = 0;
        for (DrillLoad.Cycle cycle : cycles) {
            JsonNode claim = claim(cycle.claimId());
            String status = claim == null ? "UNREADABLE" : claim.path("status").asText();
            if (!"APPROVED".equals(status)) {
                notApproved.add(cycle.claimId() + " " + status);
                continue;
            }
            approvedClaims++;
            approved = approved.add(new BigDecimal(claim.path("total").asText()));
            for (JsonNode benefit : claim.path("benefits")) {
                BigDecimal amount = new BigDecimal(benefit.path("amount").asText());
                if (amount.signum() > 0) {
                    expected.put(
                            PayoutHarness.payoutId(
                                    cycle.claimId(),
                                    benefit.path("enrollmentId").asText()),
                            amount);
                }
            }
        }
        Map<String, List<BankSimulator.Transfer>> executed = platform.bank.executedByPayout();
        long once = 0;
        long unpaid = 0;
        long paidTwice = 0;
        long wrong = 0;
        BigDecimal paid = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> benefit : expected.entrySet()) {
            List<BankSimulator.Transfer> transfers = executed.getOrDefault(benefit.getKey(), List.of());
            if (transfers.isEmpty()) {
                unpaid++;
            } else if (transfers.size() > 1) {
                paidTwice++;
            } else {
                once++;
            }
            for (BankSimulator.Transfer transfer : transfers) {
                paid = paid.add(transfer.amount());
                if (transfer.amount().compareTo(benefit.getValue()) != 0) {
                    wrong++;
                }
            }
        }
        List<String> notExpected = executed.keySet().stream()
                .filter(id -> !expected.containsKey(id))
                .sorted()
                .toList();
        Map<String, BigDecimal> notPaid = payoutsNotPaid(expected);
        BigDecimal outstanding = notPaid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        long lag = reportingLag();
        int differences = 0;
        List<String> shown = new ArrayList<>();
        List<String> deadLetters = List.of();
        if (withRebuild) {
            Calls.Answer rebuilt = staff.post(
                    platform.url(DrillPlatform.REPORTING) + "/api/admin/projections/all/rebuild?swap=false", null);
            if (rebuilt.status() == 200) {
                differences = rebuilt.json().path("differences").size();
                rebuilt.json().path("differences").forEach(d -> {
                    if (shown.size() < 5) {
                        shown.add(d.toString());
                    }
                });
            } else {
                differences = Integer.MAX_VALUE;
                shown.add(rebuilt.status() + " " + rebuilt.body());
            }
            deadLetters = deadLetterKeys();
        }
        List<String> notPoison =
                deadLetters.stream().filter(key -> !poison.contains(key)).toList();
        Set<String> missing = new HashSet<>(poison);
        deadLetters.forEach(missing::remove);
        if (!withRebuild) {
            missing.clear();
        }
        return new Figures(
                drill,
                cycles.size(),
                cycles.size(),
                committed,
                table,
                without,
                twice,
                cycles.size(),
                approvedClaims,
                notApproved,
                approved,
                expected.size(),
                once,
                unpaid,
                paidTwice,
                wrong,
                notExpected,
                paid,
                outstanding,
                notPaid.size(),
                lag,
                differences,
                shown,
                deadLetters.size(),
                notPoison,
                missing,
                recovered);
    }

    private JsonNode claim(String claimId) {
        JsonNode known = decided.get(claimId);
        if (known != null) {
            return known;
        }
        try {
            Calls.Answer answer = staff.get(platform.url(DrillPlatform.CLAIMS) + "/api/claims/" + claimId);
            if (answer.status() != 200) {
                return null;
            }
            String status = answer.text("/status");
            if ("APPROVED".equals(status) || "REJECTED".equals(status)) {
                decided.put(claimId, answer.json());
            }
            return answer.json();
        } catch (AssertionError unreachable) {
            return null;
        }
    }

    private Map<String, Long> committedEnrolments() {
        Map<String, Long> counts = new TreeMap<>();
        query(
                "enrollment",
                "select district, count(*) from enrollment_view where district = any(?) and coverage_start >= '2020-01-01'"
                        + " and coverage_start < '2021-01-01' and premium_status = 'COLLECTED' group by district",
                List.copyOf(load.districts()),
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private Map<String, Long> districtTable() {
        Map<String, Long> counts = new TreeMap<>();
        try {
            Calls.Answer table = staff.get(
                    platform.url(DrillPlatform.REPORTING) + "/api/reports/district-enrollment?year=" + DrillLoad.YEAR);
            if (table.status() == 200) {
                for (JsonNode row : table.json().path("rows")) {
                    if (load.districts().contains(row.path("district").asText())) {
                        counts.put(
                                row.path("district").asText(), row.path("total").asLong());
                    }
                }
            }
        } catch (AssertionError unreachable) {
            counts.put("unreachable", 0L);
        }
        return counts;
    }

    private Map<String, Long> enrolmentsPerMember(List<DrillLoad.Cycle> cycles) {
        Map<String, Long> counts = new HashMap<>();
        query(
                "enrollment",
                "select member_id::text, count(*) from enrollment_view where member_id::text = any(?) group by member_id",
                cycles.stream().map(DrillLoad.Cycle::memberId).toList(),
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** Approved benefits whose payout has not succeeded (or is not even scheduled yet), with their amounts. */
    private Map<String, BigDecimal> payoutsNotPaid(Map<String, BigDecimal> expected) {
        Map<String, BigDecimal> notPaid = new HashMap<>(expected);
        query(
                "payout",
                "select payout_id::text, status, amount from payout_view where payout_id::text = any(?)",
                List.copyOf(expected.keySet()),
                rs -> {
                    if ("SUCCEEDED".equals(rs.getString(2))) {
                        notPaid.remove(rs.getString(1));
                    } else {
                        notPaid.put(rs.getString(1), rs.getBigDecimal(3));
                    }
                });
        return notPaid;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String database, String sql, List<String> values, Row row) {
        try (Connection c = DriverManager.getConnection(platform.stack.jdbcUrl(database), "postgres", "postgres");
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + database + " database", e);
        }
    }

    /**
     * How many records reporting's consumer groups have still to read of the topics they read (the district table and the
     * other projections are compared with a rebuild only once they have read everything).
     */
    private long reportingLag() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.stack.bootstrapServers()))) {
            long lag = 0;
            for (var group : admin.listConsumerGroups().all().get()) {
                String id = group.groupId();
                boolean projection = id.startsWith("reporting-") || id.equals("district-enrollment");
                if (!projection || id.contains("rebuild") || id.contains("dead-letter-replay")) {
                    continue;
                }
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group.groupId())
                                .partitionsToOffsetAndMetadata()
                                .get();
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(
                                0,
                                ends.get(entry.getKey()).offset()
                                        - entry.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    /** Keys of every record on a dead-letter topic since the suite began. */
    private List<String> deadLetterKeys() {
        List<String> keys = new ArrayList<>();
        String bootstrap = platform.stack.bootstrapServers();
        List<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.endsWith(Topics.deadLetter("")))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the topics", e);
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrap,
                        "group.id",
                        "drill-checks-" + UUID.randomUUID(),
                        "enable.auto.commit",
                        "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.timestamp() >= since) {
                        keys.add(record.key());
                    }
                }
            }
        }
        return keys;
    }
}
