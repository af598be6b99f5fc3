package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRejected;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.claims.SettledAtHospital;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.reporting.messaging.ClaimsActivityListener;
import cn.huzhu.reporting.messaging.ProjectionRebuilder;
import cn.huzhu.reporting.query.ClaimsActivityQueries;
import cn.huzhu.reporting.query.ClaimsActivityQueries.Dimension;
import cn.huzhu.reporting.query.ClaimsActivityQueries.Filter;
import cn.huzhu.reporting.query.ClaimsActivityQueries.Row;
import cn.huzhu.reporting.web.ClaimsReportController;
import cn.huzhu.reporting.web.ExportController;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The claims table over Kafka and PostgreSQL: members of four districts, claims of a year decided as the claims
 * service publishes them (approved under one or two plans, rejected, rejected then approved when decided again,
 * revoked, settled at the hospital, one delivered twice, one written before the submission day was carried) and the
 * payouts the bank confirmed; the table is compared with figures computed here from the same generated inputs.
 */
@SpringBootTest
class ClaimsReportingIT extends OnLocalStack {

    static final int YEAR = 2061;
    static final String[] DISTRICTS = {"海曙", "江北", "鄞州", "余姚"};
    static final String[] PLANS = {"ningbo-2020-inservice-hospital", "ningbo-2020-special-disease"};
    static final String[] TYPES = {"HOSPITALIZATION", "CRITICAL_ILLNESS", "WORK_INJURY"};

    /** A generated claim as it finally stands, with what is expected of it. */
    record Claim(
            UUID claimId,
            UUID memberId,
            String district,
            String type,
            String status,
            LocalDate submittedOn,
            Map<String, BigDecimal> plans,
            boolean atHospital,
            LocalDate paidOn) {
        BigDecimal total() {
            return plans.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    static final List<Claim> CLAIMS = new ArrayList<>();

    @Autowired
    ClaimsActivityQueries queries;

    @Autowired
    ClaimsReportController controller;

    @Autowired
    ExportController exports;

    @Autowired
    ProjectionRebuilder rebuilder;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void publishOnce() {
        if (CLAIMS.isEmpty()) {
            publish();
        }
    }

    static void publish() {
        Random random = new Random(2061);
        List<UUID> members = new ArrayList<>();
        Map<UUID, String> districtOf = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 60; i++) {
                UUID member = UUID.randomUUID();
                String district = DISTRICTS[i % DISTRICTS.length];
                members.add(member);
                districtOf.put(member, district);
                send(
                        producer,
                        Topics.MEMBERS,
                        member,
                        DistrictEnrollmentReportingIT.registered(
                                member.toString(), district, true, LocalDate.of(YEAR - 1, 12, 1)));
            }
            for (int i = 0; i < 400; i++) {
                UUID member = members.get(random.nextInt(members.size()));
                UUID claimId = UUID.randomUUID();
                String type = TYPES[random.nextInt(TYPES.length)];
                LocalDate submitted = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365));
                LocalDate decided = submitted.plusDays(random.nextInt(3));
                int kind = random.nextInt(20);
                if (kind < 4) {
                    send(producer, Topics.CLAIMS, member, rejected(claimId, member, type, submitted, decided));
                    CLAIMS.add(new Claim(
                            claimId,
                            member,
                            districtOf.get(member),
                            type,
                            "REJECTED",
                            submitted,
                            Map.of(),
                            false,
                            null));
                    continue;
                }
                if (kind == 4) {
                    // rejected first, approved when decided again (the cover arrived)
                    send(producer, Topics.CLAIMS, member, rejected(claimId, member, type, submitted, submitted));
                }
                Map<String, BigDecimal> plans = new TreeMap<>();
                plans.put(PLANS[0], BigDecimal.valueOf(10_000 + random.nextInt(300_000), 2));
                if (random.nextInt(4) == 0) {
                    plans.put(PLANS[1], BigDecimal.valueOf(100_000 * (1 + random.nextInt(3)), 2));
                }
                boolean atHospital = kind == 5;
                ClaimApproved approved = approved(
                        claimId, member, type, submitted, decided, plans, atHospital ? districtOf.get(member) : null);
                if (kind == 6) {
                    approved = ClaimApproved.newBuilder(approved)
                            .setSubmittedOn(null)
                            .build(); // written before the submission day was carried: the decision day stands in
                    submitted = decided;
                }
                send(producer, Topics.CLAIMS, member, approved);
                if (kind == 7) {
                    send(producer, Topics.CLAIMS, member, approved); // delivered again: counted once
                }
                if (kind == 8) {
                    send(
                            producer,
                            Topics.CLAIMS,
                            member,
                            ClaimRevoked.newBuilder()
                                    .setEventId(UUID.randomUUID())
                                    .setOccurredAt(Instant.now())
                                    .setClaimId(claimId)
                                    .setMemberId(member)
                                    .setReason("FRAUD")
                                    .setRevokedOn(decided.plusDays(30))
                                    .setTotal(approved.getTotal())
                                    .setEnrollmentIds(approved.getBenefits().stream()
                                            .map(ApprovedBenefit::getEnrollmentId)
                                            .toList())
                                    .build());
                    CLAIMS.add(new Claim(
                            claimId, member, districtOf.get(member), type, "REVOKED", submitted, plans, false, null));
                    continue;
                }
                LocalDate paidOn = null;
                if (!atHospital && kind < 17) {
                    // every payout of the claim confirmed, the last one on paidOn
                    int benefit = 0;
                    for (ApprovedBenefit b : approved.getBenefits()) {
                        LocalDate confirmed = decided.plusDays(1 + random.nextInt(6));
                        paidOn = paidOn == null || confirmed.isAfter(paidOn) ? confirmed : paidOn;
                        PayoutSucceeded payout =
                                succeeded(claimId, member, districtOf.get(member), b.getAmount(), confirmed, benefit++);
                        send(producer, Topics.PAYOUTS, member, payout);
                        if (kind == 9) {
                            send(producer, Topics.PAYOUTS, member, payout);
                        }
                    }
                }
                CLAIMS.add(new Claim(
                        claimId,
                        member,
                        districtOf.get(member),
                        type,
                        "APPROVED",
                        submitted,
                        plans,
                        atHospital,
                        paidOn));
            }
            producer.flush();
        }
    }

    static ClaimRejected rejected(UUID claimId, UUID member, String type, LocalDate submitted, LocalDate decided) {
        return ClaimRejected.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setClaimId(claimId)
                .setMemberId(member)
                .setType(type)
                .setEventDate(submitted.minusDays(5))
                .setDecidedOn(decided)
                .setSubmittedOn(submitted)
                .setCode("NO_COVERAGE")
                .setMessage("No enrolment covers the day of the event.")
                .build();
    }

    static ClaimApproved approved(
            UUID claimId,
            UUID member,
            String type,
            LocalDate submitted,
            LocalDate decided,
            Map<String, BigDecimal> plans,
            String hospitalDistrict) {
        List<ApprovedBenefit> benefits = new ArrayList<>();
        plans.forEach((plan, amount) -> benefits.add(
                new ApprovedBenefit(plan, 1, UUID.nameUUIDFromBytes((claimId + plan).getBytes()), amount)));
        return ClaimApproved.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setClaimId(claimId)
                .setMemberId(member)
                .setType(type)
                .setEventDate(submitted.minusDays(5))
                .setDecidedOn(decided)
                .setSubmittedOn(submitted)
                .setTotal(plans.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add))
                .setBenefits(benefits)
                .setHospitalSettlement(
                        hospitalDistrict == null
                                ? null
                                : new SettledAtHospital(hospitalDistrict, "S-" + claimId, "宁波市第一医院"))
                .build();
    }

    static PayoutSucceeded succeeded(
            UUID claimId, UUID member, String district, BigDecimal amount, LocalDate confirmed, int benefit) {
        return PayoutSucceeded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setPayoutId(UUID.nameUUIDFromBytes((claimId + "/" + benefit).getBytes()))
                .setClaimId(claimId)
                .setMemberId(member)
                .setReference("R-" + claimId + "-" + benefit)
                .setBatchId(UUID.randomUUID())
                .setDistrict(district)
                .setAmount(amount)
                .setBenefit(amount)
                .setConfirmedOn(confirmed)
                .build();
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, UUID key, SpecificRecord record) {
        producer.send(new ProducerRecord<>(
                topic, key.toString(), EventCodec.contracts().encode(record)));
    }

    /** One claim's contribution to a group: keyed by the dimensions asked for, under each plan when grouped by plan. */
    record Part(List<String> key, Claim claim, BigDecimal amount) {}

    /** The expected table, computed from the generated claims. */
    static List<Row> expected(Set<Dimension> by, Filter filter) {
        List<Part> parts = new ArrayList<>();
        for (Claim c : CLAIMS) {
            if (filter.type() != null && !filter.type().equals(c.type())
                    || filter.district() != null && !filter.district().equals(c.district())) {
                continue;
            }
            boolean plans = by.contains(Dimension.PLAN) || filter.planId() != null;
            Map<String, BigDecimal> under = new TreeMap<>(NULLS_FIRST);
            if (!plans) {
                under.put(null, c.total());
            } else if (c.plans().isEmpty()) {
                under.put(null, BigDecimal.ZERO.setScale(2));
            } else {
                under.putAll(c.plans());
            }
            under.forEach((plan, amount) -> {
                if (filter.planId() != null && !filter.planId().equals(plan)) {
                    return;
                }
                List<String> key = Arrays.asList(
                        by.contains(Dimension.PLAN) ? plan : null,
                        by.contains(Dimension.TYPE) ? c.type() : null,
                        by.contains(Dimension.DISTRICT) ? c.district() : null,
                        by.contains(Dimension.MONTH)
                                ? c.submittedOn().toString().substring(0, 7)
                                : null);
                parts.add(new Part(key, c, amount));
            });
        }
        Map<List<String>, List<Part>> groups =
                parts.stream().collect(Collectors.groupingBy(Part::key, LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, of) -> {
            long approved = of.stream()
                    .filter(p -> p.claim().status().equals("APPROVED"))
                    .count();
            List<Part> paid = of.stream()
                    .filter(p -> p.claim().status().equals("APPROVED")
                            && !p.claim().atHospital()
                            && p.claim().paidOn() != null)
                    .toList();
            BigDecimal days = paid.isEmpty()
                    ? null
                    : BigDecimal.valueOf(paid.stream()
                                    .mapToLong(p -> ChronoUnit.DAYS.between(
                                            p.claim().submittedOn(), p.claim().paidOn()))
                                    .sum())
                            .divide(BigDecimal.valueOf(paid.size()), 1, RoundingMode.HALF_UP);
            rows.add(new Row(
                    key.get(0),
                    key.get(1),
                    key.get(2),
                    key.get(3),
                    of.size(),
                    approved,
                    of.stream()
                            .filter(p -> p.claim().status().equals("REJECTED"))
                            .count(),
                    of.stream()
                            .filter(p -> p.claim().status().equals("REVOKED"))
                            .count(),
                    of.stream()
                            .filter(p -> p.claim().status().equals("APPROVED"))
                            .map(Part::amount)
                            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                    BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(of.size()), 4, RoundingMode.HALF_UP),
                    paid.size(),
                    days));
        });
        return rows;
    }

    static final java.util.Comparator<String> NULLS_FIRST =
            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());

    void awaitAll() {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(queries.claims(YEAR, EnumSet.allOf(Dimension.class), Filter.NONE))
                        .containsExactlyInAnyOrderElementsOf(expected(EnumSet.allOf(Dimension.class), Filter.NONE)));
    }

    @Test
    void theClaimsByPlanTypeDistrictAndMonthAreTheFiguresOfTheClaimsAsTheyStand() {
        awaitAll();
        List<Row> all = expected(EnumSet.allOf(Dimension.class), Filter.NONE);
        assertThat(all.stream().mapToLong(Row::rejected).sum())
                .as("the data set rejects claims")
                .isPositive();
        assertThat(all.stream().mapToLong(Row::revoked).sum())
                .as("the data set revokes claims")
                .isPositive();
        assertThat(all.stream().filter(r -> r.averageDaysToPayment() != null))
                .as("claims paid")
                .isNotEmpty();
        assertThat(CLAIMS.stream().filter(Claim::atHospital))
                .as("claims settled at the hospital")
                .isNotEmpty();
    }

    @Test
    void coarserGroupingsAndFiltersAddUpTheSameClaims() {
        awaitAll();
        for (String by : List.of("type", "district", "month", "plan", "plan,district", "type,month")) {
            Set<Dimension> dims = Dimension.parse(by);
            assertThat(controller.claims(YEAR, by, null, null, null))
                    .as("by %s", by)
                    .containsExactlyInAnyOrderElementsOf(expected(dims, Filter.NONE));
        }
        Filter filter = new Filter(PLANS[1], "CRITICAL_ILLNESS", "江北");
        assertThat(controller.claims(YEAR, "month", PLANS[1], "CRITICAL_ILLNESS", "江北"))
                .containsExactlyInAnyOrderElementsOf(expected(EnumSet.of(Dimension.MONTH), filter));
        List<Row> byType = controller.claims(YEAR, "type", null, null, null);
        assertThat(byType.stream().mapToLong(Row::claims).sum()).isEqualTo(CLAIMS.size());
        assertThat(controller.claims(YEAR + 40, "type", null, null, null))
                .as("a year without claims")
                .isEmpty();
    }

    @Test
    void theTableExportsAsAWorkbookAndCsvWithTheSameFigures() throws Exception {
        awaitAll();
        List<Row> rows = queries.claims(YEAR, EnumSet.of(Dimension.TYPE, Dimension.DISTRICT), Filter.NONE);
        var xlsx = exports.claims(YEAR, "type,district", null, null, null, "xlsx");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo(YEAR + "年度互助保障理赔情况.xlsx");
        List<String> headers =
                List.of("类别", "区县", "申请件数", "给付件数", "拒付件数", "撤销件数", "给付金额（元）", "给付件数占比%", "已到账件数", "平均到账天数");
        Map<String, String> labels = Map.of("HOSPITALIZATION", "住院", "CRITICAL_ILLNESS", "重大疾病", "WORK_INJURY", "工伤");
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            var sheet = workbook.getSheetAt(0);
            List<String> read = new ArrayList<>();
            sheet.getRow(0).forEach(c -> read.add(c.getStringCellValue()));
            assertThat(read).isEqualTo(headers);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                var row = sheet.getRow(i + 1);
                Row r = rows.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(labels.get(r.type()));
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(r.district());
                assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(r.claims());
                assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(r.approved());
                assertThat(BigDecimal.valueOf(row.getCell(6).getNumericCellValue())
                                .setScale(2, RoundingMode.HALF_UP))
                        .isEqualByComparingTo(r.amount());
                assertThat(row.getCell(7).getStringCellValue())
                        .isEqualTo(r.approvalRate()
                                .movePointRight(2)
                                .setScale(2, RoundingMode.HALF_UP)
                                .toPlainString());
            }
        }
        byte[] csv =
                exports.claims(YEAR, "type,district", null, null, null, "csv").getBody();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(
                        new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8)))) {
            var records = parser.getRecords();
            assertThat(parser.getHeaderNames()).isEqualTo(headers);
            assertThat(records).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(new BigDecimal(records.get(i).get("给付金额（元）")))
                        .isEqualByComparingTo(rows.get(i).amount());
                assertThat(records.get(i).get("平均到账天数"))
                        .isEqualTo(Objects.toString(rows.get(i).averageDaysToPayment(), ""));
            }
        }
    }

    @Test
    void theProjectionRebuiltByReplayEqualsTheLiveOne() {
        awaitAll();
        ConsumerLag.awaitNone(
                "reporting-" + ClaimsActivityListener.ID, List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS));
        ProjectionRebuilder.Result check = rebuilder.rebuild("claims-activity", false);
        assertThat(check.differences()).isEmpty();
        assertThat(check.eventsCounted()).isGreaterThanOrEqualTo(CLAIMS.size());

        // a live row damaged by hand: the comparison names it on both sides, and a rebuild with swap repairs it
        Claim damaged = CLAIMS.get(0);
        jdbc.update("update claim_fact set amount = amount + 1 where claim_id = ?", damaged.claimId());
        ProjectionRebuilder.Result found = rebuilder.rebuild("claims-activity", false);
        assertThat(found.differences())
                .extracting(ProjectionRebuilder.Difference::table, ProjectionRebuilder.Difference::side)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("claim_fact", "only-live"),
                        org.assertj.core.groups.Tuple.tuple("claim_fact", "only-rebuilt"));
        assertThat(found.differences())
                .allSatisfy(d -> assertThat(d.row()).contains(damaged.claimId().toString()));
        ProjectionRebuilder.Result repaired = rebuilder.rebuild("claims-activity", true);
        assertThat(repaired.differences()).hasSize(2);
        assertThat(rebuilder.rebuild("claims-activity", false).differences()).isEmpty();
        awaitAll();
    }

    @Test
    void everyProjectionRebuildsInOneReplayEqualToTheLiveTables() {
        awaitAll();
        ConsumerLag.awaitNone(
                "reporting-" + ClaimsActivityListener.ID, List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS));
        ConsumerLag.awaitNone(
                "reporting-" + cn.huzhu.reporting.messaging.PayoutRatioListener.ID,
                List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS));
        ConsumerLag.awaitNone(
                "reporting-" + cn.huzhu.reporting.messaging.TargetCompletionListener.ID,
                List.of(Topics.UNITS, Topics.TARGETS, Topics.MEMBERS));
        ConsumerLag.awaitNone(cn.huzhu.reporting.messaging.DistrictEnrollmentListener.ID, List.of(Topics.MEMBERS));
        ProjectionRebuilder.Result all = rebuilder.rebuild(ProjectionRebuilder.ALL, false);
        assertThat(all.differences()).isEmpty();
        assertThat(all.eventsCounted())
                .as("records read once, applied to several projections")
                .isGreaterThan(all.recordsReplayed());
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> controller.claims(YEAR, "plan,street", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("street");
        assertThatThrownBy(() -> controller.claims(YEAR, null, null, "DENTAL", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOSPITALIZATION");
        assertThatThrownBy(() -> controller.claims(1800, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
