package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.claims.ClaimRevoked;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.reporting.messaging.ProjectionRebuilder;
import cn.huzhu.reporting.query.PayoutRatioQueries;
import cn.huzhu.reporting.query.PayoutRatioQueries.Allocation;
import cn.huzhu.reporting.query.PayoutRatioQueries.By;
import cn.huzhu.reporting.query.PayoutRatioQueries.Row;
import cn.huzhu.reporting.query.ReportSummaries;
import cn.huzhu.reporting.web.AdminController;
import cn.huzhu.reporting.web.ExportController;
import cn.huzhu.reporting.web.PayoutRatioController;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * Payout ratios over Kafka and PostgreSQL: enrolments of six units (some premiums still pending, some collected
 * later), claims approved under them (one revoked, one delivered twice, one settled at the hospital) are published
 * as the services publish them; the ratios and the lists derived from them are compared with values computed here,
 * from the same generated inputs.
 */
@SpringBootTest
class PayoutRatioReportingIT extends OnLocalStack {

    static final int YEAR = 2043;
    static final String PLAN = "ningbo-2020-inservice-hospital";
    static final BigDecimal PREMIUM = new BigDecimal("50.00");

    /** A generated enrolment: whether its premium was collected, and the benefits approved under it (not revoked). */
    record Enrolment(
            UUID unitId,
            String district,
            UUID memberId,
            UUID enrollmentId,
            boolean collected,
            List<BigDecimal> benefits) {}

    static final Map<String, UUID> UNITS = new LinkedHashMap<>();
    static final List<Enrolment> ENROLMENTS = new ArrayList<>();
    static final List<BigDecimal> REVOKED = new ArrayList<>();
    /** Approved, not revoked, whose transfer the bank has not confirmed: not paid, so not in a payout ratio. */
    static final List<BigDecimal> AWAITING_TRANSFER = new ArrayList<>();

    @Autowired
    PayoutRatioQueries queries;

    @Autowired
    PayoutRatioController controller;

    @Autowired
    ExportController exports;

    @Autowired
    ProjectionRebuilder rebuilder;

    @Autowired
    AdminController admin;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    cn.huzhu.reporting.query.ReportChanges changes;

    /**
     * Publishes the data set once, when the application (which declares the topics it reads) is up: per unit, its
     * members and the ratio its benefits aim at.
     */
    @BeforeEach
    void publishOnce() {
        if (UNITS.isEmpty()) {
            publish();
        }
    }

    static void publish() {
        Random random = new Random(20431);
        Object[][] units = {
            {"宁波港集团", "北仑", 1100, 0.40},
            {"宁波银行", "鄞州", 1050, 0.62},
            {"海曙机关", "海曙", 250, 0.45},
            {"江北医院", "江北", 120, 0.30},
            {"镇海炼化", "镇海", 60, 0.20},
            {"奉化中学", "奉化", 210, 0.85},
            {"北仑电业", "北仑", 1000, 0.50}
        };
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "linger.ms", 20),
                new StringSerializer(),
                new ByteArraySerializer())) {
            // the catalogue's plans whose definitions hold the thresholds of the discount, the gift and the subsidy
            for (String[] plan : new String[][] {
                {"quzhou-2020-hospital", "3"}, {"huzhou-major-disease", "4"}, {PLAN, "2"}, {"shaoxing-hospital", "2"}
            }) {
                send(producer, Topics.PLANS, plan[0], planVersion(plan[0], Integer.parseInt(plan[1])));
            }
            for (Object[] u : units) {
                String name = (String) u[0];
                String district = (String) u[1];
                int members = (Integer) u[2];
                double aim = (Double) u[3];
                UUID unitId = UUID.randomUUID();
                UNITS.put(name, unitId);
                send(
                        producer,
                        Topics.UNITS,
                        unitId.toString(),
                        UnitRegistered.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(Instant.now())
                                .setUnitId(unitId)
                                .setName(name)
                                .setDistrict(district)
                                .setNature(name.equals("宁波银行") ? "PROVINCE_OWNED" : "PUBLIC")
                                .setInsuredHeadcount(members)
                                .build());
                List<Enrolment> ofUnit = new ArrayList<>();
                for (int i = 0; i < members; i++) {
                    UUID member = UUID.randomUUID();
                    UUID enrollment = UUID.randomUUID();
                    // one in twenty still owes the premium; half of those pay it later
                    boolean pending = random.nextInt(20) == 0;
                    boolean collectedLater = pending && random.nextBoolean();
                    MemberEnrolled enrolled = MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                                    member.toString(), district, "IN_SERVICE", false, LocalDate.of(YEAR, 1, 1)))
                            .setEnrollmentId(enrollment)
                            .setUnitId(unitId)
                            .setPlanId(PLAN)
                            .setPremium(PREMIUM)
                            .setPremiumStatus(pending ? "PENDING" : "COLLECTED")
                            .build();
                    send(producer, Topics.MEMBERS, member.toString(), enrolled);
                    if (collectedLater) {
                        send(
                                producer,
                                Topics.MEMBERS,
                                member.toString(),
                                PremiumCollected.newBuilder()
                                        .setEventId(UUID.randomUUID())
                                        .setOccurredAt(Instant.now())
                                        .setEnrollmentId(enrollment)
                                        .setMemberId(member)
                                        .setUnitId(unitId)
                                        .setDistrict(district)
                                        .setPlanId(PLAN)
                                        .setMethod("BANK_DEDUCTION")
                                        .setReference("R-" + i)
                                        .setAmount(PREMIUM)
                                        .setCollectedOn(LocalDate.of(YEAR, 2, 1))
                                        .setCoverageStart(LocalDate.of(YEAR, 1, 1))
                                        .setCoverageEnd(LocalDate.of(YEAR, 12, 31))
                                        .setWaitingPeriodEnd(LocalDate.of(YEAR, 1, 1))
                                        .build());
                    }
                    ofUnit.add(new Enrolment(
                            unitId, district, member, enrollment, !pending || collectedLater, new ArrayList<>()));
                }
                // claims until the benefits reach the aimed share of the unit's collected premiums
                BigDecimal premiums = PREMIUM.multiply(BigDecimal.valueOf(
                        ofUnit.stream().filter(Enrolment::collected).count()));
                BigDecimal aimed = premiums.multiply(BigDecimal.valueOf(aim));
                BigDecimal paid = BigDecimal.ZERO;
                int claims = 0;
                // no claim above 4 % of the premiums, so the ratio ends within 4 points above its aim
                int largestFen = premiums.multiply(new BigDecimal("4")).intValue();
                while (paid.compareTo(aimed) < 0) {
                    Enrolment e = ofUnit.get(random.nextInt(ofUnit.size()));
                    BigDecimal amount = BigDecimal.valueOf(200 + random.nextInt(largestFen), 2);
                    UUID claimId = UUID.randomUUID();
                    boolean atHospital = claims % 7 == 3;
                    ClaimApproved approved = approved(claimId, e, amount, atHospital);
                    send(producer, Topics.CLAIMS, e.memberId().toString(), approved);
                    if (claims % 11 == 5) {
                        send(
                                producer,
                                Topics.CLAIMS,
                                e.memberId().toString(),
                                approved); // delivered again: counted once
                    }
                    if (claims % 13 == 7) {
                        send(
                                producer,
                                Topics.CLAIMS,
                                e.memberId().toString(),
                                ClaimRevoked.newBuilder()
                                        .setEventId(UUID.randomUUID())
                                        .setOccurredAt(Instant.now())
                                        .setClaimId(claimId)
                                        .setMemberId(e.memberId())
                                        .setReason("FRAUD")
                                        .setRevokedOn(LocalDate.of(YEAR, 9, 1))
                                        .setTotal(amount)
                                        .setEnrollmentIds(List.of(e.enrollmentId()))
                                        .build());
                        REVOKED.add(amount);
                    } else if (!atHospital && claims % 9 == 4) {
                        AWAITING_TRANSFER.add(amount);
                    } else {
                        if (!atHospital) {
                            PayoutSucceeded transferred = transferred(claimId, e, amount);
                            send(producer, Topics.PAYOUTS, e.memberId().toString(), transferred);
                            if (claims % 5 == 2) {
                                send(
                                        producer,
                                        Topics.PAYOUTS,
                                        e.memberId().toString(),
                                        transferred); // delivered again: counted once
                            }
                        }
                        e.benefits().add(amount);
                        paid = paid.add(amount);
                    }
                    claims++;
                }
                ENROLMENTS.addAll(ofUnit);
            }
            producer.flush();
        }
    }

    static ClaimApproved approved(UUID claimId, Enrolment e, BigDecimal amount, boolean atHospital) {
        ClaimApproved.Builder b = ClaimApproved.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setClaimId(claimId)
                .setMemberId(e.memberId())
                .setType("HOSPITALIZATION")
                .setEventDate(LocalDate.of(YEAR, 5, 1))
                .setDecidedOn(LocalDate.of(YEAR, 6, 1))
                .setTotal(amount)
                .setBenefits(List.of(new ApprovedBenefit(PLAN, 1, e.enrollmentId(), amount)))
                .setHospitalSettlement(null);
        if (atHospital) {
            b.setHospitalSettlement(cn.huzhu.contracts.claims.SettledAtHospital.newBuilder()
                    .setDistrict(e.district())
                    .setSettlementId("S-" + claimId)
                    .setHospital("宁波市第一医院")
                    .build());
        }
        return b.build();
    }

    /** A version of the catalogue's plan files as enrollment-service publishes it. */
    static cn.huzhu.contracts.enrollment.PlanVersionPublished planVersion(String plan, int version) {
        try {
            String definition =
                    cn.huzhu.plans.PlanDefinition.file(plan, version).orElseThrow();
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(definition);
            return cn.huzhu.contracts.enrollment.PlanVersionPublished.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(Instant.now())
                    .setPlanId(plan)
                    .setVersion(version)
                    .setName(tree.path("name").asText())
                    .setRegion(tree.path("region").asText())
                    .setValidFrom(LocalDate.parse(tree.path("validFrom").asText()))
                    .setDefinitionJson(definition)
                    .build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The bank confirmed the transfer of a claim's benefit. */
    static PayoutSucceeded transferred(UUID claimId, Enrolment e, BigDecimal amount) {
        return PayoutSucceeded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setPayoutId(UUID.randomUUID())
                .setClaimId(claimId)
                .setMemberId(e.memberId())
                .setReference("BANK-" + claimId)
                .setBatchId(UUID.randomUUID())
                .setDistrict(e.district())
                .setAmount(amount)
                .setBenefit(amount)
                .setConfirmedOn(LocalDate.of(YEAR, 6, 5))
                .build();
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, SpecificRecord record) {
        producer.send(new ProducerRecord<>(topic, key, EventCodec.contracts().encode(record)));
    }

    /** The expected row of a unit, computed from the generated inputs. */
    static Row expected(UUID unitId) {
        List<Enrolment> of =
                ENROLMENTS.stream().filter(e -> e.unitId().equals(unitId)).toList();
        BigDecimal premiums = PREMIUM.multiply(
                BigDecimal.valueOf(of.stream().filter(Enrolment::collected).count()));
        BigDecimal benefits = of.stream().flatMap(e -> e.benefits().stream()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Row(
                unitId,
                null,
                of.get(0).district(),
                null,
                of.size(),
                premiums.setScale(2),
                benefits.setScale(2),
                premiums.signum() == 0 ? null : benefits.divide(premiums, 4, RoundingMode.HALF_UP));
    }

    static void assertSameFigures(Row actual, Row expected) {
        assertThat(actual.enrolled()).isEqualTo(expected.enrolled());
        assertThat(actual.premiums()).isEqualByComparingTo(expected.premiums());
        assertThat(actual.benefits()).isEqualByComparingTo(expected.benefits());
        assertThat(actual.ratio()).isEqualByComparingTo(expected.ratio());
    }

    Map<UUID, Row> byUnit() {
        return queries.ratios(YEAR, By.UNIT, null, null).stream().collect(Collectors.toMap(Row::unitId, r -> r));
    }

    @Test
    void replicasRecomputingTheSummariesAtOnceLeaveEveryFigureOnce() throws Exception {
        awaitAll();
        // four replicas, each told its projection changed, recompute the summaries at the same moment, ten times over
        List<ReportSummaries> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replicas.add(new ReportSummaries(jdbc, transactions, changes));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(replicas.size());
        try {
            for (int round = 0; round < 10; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(replicas.size());
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (ReportSummaries replica : replicas) {
                    replica.ratiosChanged();
                    replica.claimsChanged();
                    done.add(pool.submit(() -> {
                        together.await();
                        replica.refresh();
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
                assertThat(jdbc.queryForObject("""
                        select count(*) from (select 1 from ratio_summary
                        group by level, year, unit_id, district, plan_id having count(*) > 1) twice""", Long.class))
                        .as("summary rows present twice after round " + round)
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(byUnit()).hasSize(UNITS.size());
    }

    @Test
    void theRatiosOfUnitsDistrictsAndThePlanAreTheBenefitsOverTheCollectedPremiums() {
        awaitAll();

        List<Row> districts = queries.ratios(YEAR, By.DISTRICT, null, null);
        assertThat(districts).extracting(Row::district).containsExactlyInAnyOrder("北仑", "奉化", "江北", "海曙", "镇海", "鄞州");
        Row plan = queries.ratios(YEAR, By.PLAN, null, PLAN).get(0);
        BigDecimal premiums =
                UNITS.values().stream().map(u -> expected(u).premiums()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal benefits =
                UNITS.values().stream().map(u -> expected(u).benefits()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(plan.enrolled()).isEqualTo(ENROLMENTS.size());
        assertThat(plan.premiums()).isEqualByComparingTo(premiums);
        assertThat(plan.benefits()).isEqualByComparingTo(benefits);
        assertThat(plan.ratio()).isEqualByComparingTo(benefits.divide(premiums, 4, RoundingMode.HALF_UP));
        assertThat(AWAITING_TRANSFER)
                .as("the data set has approved benefits whose transfer is not confirmed, not counted")
                .isNotEmpty();
        assertThat(queries.ratios(YEAR, By.DISTRICT, "海曙", null))
                .singleElement()
                .satisfies(r -> assertSameFigures(r, expected(UNITS.get("海曙机关"))));
        assertThat(queries.ratios(YEAR + 1, By.UNIT, null, null))
                .as("another year")
                .isEmpty();
    }

    @Test
    void theDiscountAndGiftListsAreTheUnitsBelowTheirRatioWithEnoughMembers() {
        awaitAll();
        Set<UUID> discount = UNITS.values().stream()
                .filter(u ->
                        expected(u).enrolled() >= 100 && expected(u).ratio().compareTo(new BigDecimal("0.50")) < 0)
                .collect(Collectors.toSet());
        Set<UUID> gifts = UNITS.values().stream()
                .filter(u ->
                        expected(u).enrolled() >= 200 && expected(u).ratio().compareTo(new BigDecimal("0.70")) < 0)
                .collect(Collectors.toSet());
        assertThat(discount).containsExactlyInAnyOrder(UNITS.get("宁波港集团"), UNITS.get("海曙机关"), UNITS.get("江北医院"));
        assertThat(gifts)
                .containsExactlyInAnyOrder(UNITS.get("宁波港集团"), UNITS.get("宁波银行"), UNITS.get("海曙机关"), UNITS.get("北仑电业"));
        // Huzhou's gift is for units of 吴兴区 or province-owned enterprises: of these, the bank
        gifts = Set.of(UNITS.get("宁波银行"));
        Set<UUID> giftedUnits = gifts;
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(controller.discountUnits(YEAR, "quzhou-2020-hospital"))
                    .as("the thresholds of Quzhou's plan")
                    .extracting(Row::unitId)
                    .containsExactlyInAnyOrderElementsOf(discount);
            assertThat(controller.giftUnits(YEAR, "huzhou-major-disease"))
                    .as("the thresholds and units of Huzhou's plan")
                    .extracting(Row::unitId)
                    .containsExactlyInAnyOrderElementsOf(giftedUnits);
        });
        assertThatThrownBy(() -> controller.giftUnits(YEAR, "shaoxing-hospital"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no gift rule");
    }

    @Test
    void theSubsidyIsSharedInProportionToTheShortfallToSeventyPercentToTheFen() {
        awaitAll();
        BigDecimal pool = new BigDecimal("100000.00");
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> controller.subsidy(YEAR, PLAN, pool) != null);
        List<Allocation> allocations = controller.subsidy(YEAR, PLAN, pool);
        Map<UUID, BigDecimal> shortfall = new HashMap<>();
        for (UUID u : UNITS.values()) {
            Row e = expected(u);
            // 1000人以上 includes 1000, 低于70% excludes 70 %
            if (e.enrolled() >= 1000 && e.ratio().compareTo(new BigDecimal("0.70")) < 0) {
                shortfall.put(u, e.premiums().multiply(new BigDecimal("0.70")).subtract(e.benefits()));
            }
        }
        assertThat(shortfall.keySet())
                .containsExactlyInAnyOrder(UNITS.get("宁波港集团"), UNITS.get("宁波银行"), UNITS.get("北仑电业"));
        BigDecimal total = shortfall.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(allocations)
                .extracting(a -> a.unit().unitId())
                .containsExactlyInAnyOrderElementsOf(shortfall.keySet());
        assertThat(allocations.stream().map(Allocation::allocation).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(pool);
        for (Allocation a : allocations) {
            BigDecimal exact = pool.multiply(shortfall.get(a.unit().unitId())).divide(total, 6, RoundingMode.HALF_UP);
            assertThat(a.allocation().subtract(exact).abs())
                    .as("within a fen of the exact share")
                    .isLessThan(new BigDecimal("0.01"));
            assertThat(a.allocation().scale()).isEqualTo(2);
            assertThat(a.shortfall())
                    .isEqualByComparingTo(shortfall.get(a.unit().unitId()).setScale(2, RoundingMode.HALF_UP));
        }
        assertThatThrownBy(() -> controller.subsidy(YEAR, "no-such-plan", pool))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No plan no-such-plan");
    }

    @Test
    void theTablesExportAsWorkbooksAndCsvThatReadBackToTheSameFigures() throws Exception {
        awaitAll();
        List<Row> rows = queries.ratios(YEAR, By.UNIT, null, null);
        var xlsx = exports.payoutRatios(YEAR, "unit", null, null, "xlsx");
        assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo(YEAR + "年度互助保障给付率.xlsx");
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            var sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("单位", "区县", "参保人数", "保费收入（元）", "给付金额（元）", "给付率%");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                var row = sheet.getRow(i + 1);
                Row expected = rows.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(expected.unitName());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(expected.district());
                assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(expected.enrolled());
                assertThat(BigDecimal.valueOf(row.getCell(3).getNumericCellValue()))
                        .isEqualByComparingTo(expected.premiums());
                assertThat(BigDecimal.valueOf(row.getCell(4).getNumericCellValue())
                                .setScale(2, RoundingMode.HALF_UP))
                        .isEqualByComparingTo(expected.benefits());
                assertThat(row.getCell(5).getStringCellValue())
                        .isEqualTo(expected.ratio()
                                .movePointRight(2)
                                .setScale(2, RoundingMode.HALF_UP)
                                .toPlainString());
            }
        }
        var csv = exports.payoutRatios(YEAR, "unit", null, null, "csv");
        byte[] bytes = csv.getBody();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
                .as("byte-order mark for Excel")
                .containsExactly(0xEF, 0xBB, 0xBF);
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(
                        new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8)))) {
            var records = parser.getRecords();
            assertThat(parser.getHeaderNames()).containsExactly("单位", "区县", "参保人数", "保费收入（元）", "给付金额（元）", "给付率%");
            assertThat(records).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(records.get(i).get("单位")).isEqualTo(rows.get(i).unitName());
                assertThat(new BigDecimal(records.get(i).get("给付金额（元）")))
                        .isEqualByComparingTo(rows.get(i).benefits());
                assertThat(records.get(i).get("保费收入（元）"))
                        .isEqualTo(rows.get(i).premiums().toPlainString());
            }
        }

        var district = queries.ratios(YEAR, By.DISTRICT, null, null);
        var table = exports.districtEnrollment(YEAR);
        assertThat(table.headers())
                .containsExactly("系统", "特病赠送", "在职职工", "退休职工", "参保总人次数", "实名会员人数", "参保率%", "上年参保总人次数", "同比增长%");
        assertThat(table.rows())
                .extracting(r -> (String) r.get(0))
                .containsAll(district.stream().map(Row::district).toList())
                .contains("合计");
        assertThatThrownBy(() -> exports.districtEnrollment(YEAR, "pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xlsx");
    }

    @Test
    void theFundPositionIsThePremiumsByPayerLessTheBenefitsThatStand() {
        awaitAll();
        BigDecimal premiums =
                UNITS.values().stream().map(u -> expected(u).premiums()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal standing =
                UNITS.values().stream().map(u -> expected(u).benefits()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal revoked = REVOKED.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        standing = standing.add(AWAITING_TRANSFER.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(revoked).as("the data set revokes claims").isPositive();
        PayoutRatioQueries.FundPosition fund =
                controller.fundPosition(YEAR, PLAN).get(0);
        assertThat(fund.premiums()).isEqualByComparingTo(premiums);
        assertThat(fund.premiumsByPayer()).containsOnlyKeys("MEMBER");
        assertThat(fund.premiumsByPayer().get("MEMBER")).isEqualByComparingTo(premiums);
        assertThat(fund.benefitsApproved()).isEqualByComparingTo(standing.add(revoked));
        assertThat(fund.benefitsRevoked()).isEqualByComparingTo(revoked);
        assertThat(fund.balance()).isEqualByComparingTo(premiums.subtract(standing));
        assertThat(controller.fundPosition(YEAR, null))
                .extracting(PayoutRatioQueries.FundPosition::planId)
                .containsExactly(PLAN);

        var table = exports.fundPosition(YEAR, PLAN);
        assertThat(table.headers())
                .containsExactly(
                        "险种",
                        "年度",
                        "保费收入（元）",
                        "个人缴费（元）",
                        "单位缴费（元）",
                        "工会补助（含赠送）（元）",
                        "省总工会补助（元）",
                        "给付金额（元）",
                        "撤销追回（元）",
                        "结余（元）");
        assertThat(table.rows())
                .containsExactly(List.of(
                        PLAN,
                        YEAR,
                        fund.premiums(),
                        fund.premiums(),
                        new BigDecimal("0.00"),
                        new BigDecimal("0.00"),
                        new BigDecimal("0.00"),
                        fund.benefitsApproved(),
                        fund.benefitsRevoked(),
                        fund.balance()));
        var csv = exports.fundPosition(YEAR, PLAN, "csv");
        assertThat(new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(PLAN + "," + YEAR + "," + fund.premiums().toPlainString());
    }

    @Test
    void aClaimsRecordThatCannotBeReadGoesToTheDeadLetterTopicAndTheRestOfThePollIsApplied() {
        awaitAll();
        int year = YEAR + 5;
        UUID member = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        UUID unit = UNITS.get("镇海炼化");
        byte[] poison = "not a contract record".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(
                    producer,
                    Topics.MEMBERS,
                    member.toString(),
                    MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                                    member.toString(), "镇海", "IN_SERVICE", false, LocalDate.of(year, 1, 1)))
                            .setEnrollmentId(enrollment)
                            .setUnitId(unit)
                            .setPlanId(PLAN)
                            .setPremium(PREMIUM)
                            .setPremiumStatus("COLLECTED")
                            .build());
            producer.send(new ProducerRecord<>(Topics.CLAIMS, member.toString(), poison));
            UUID claimId = UUID.randomUUID();
            Enrolment held = new Enrolment(unit, "镇海", member, enrollment, true, List.of());
            send(producer, Topics.CLAIMS, member.toString(), approved(claimId, held, new BigDecimal("12.50"), false));
            send(producer, Topics.PAYOUTS, member.toString(), transferred(claimId, held, new BigDecimal("12.50")));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(queries.ratios(year, By.UNIT, null, null))
                        .singleElement()
                        .satisfies(r -> assertThat(r.ratio()).isEqualByComparingTo("0.2500")));
        assertThat(DistrictEnrollmentReportingIT.findOnDeadLetterTopic(Topics.CLAIMS, member.toString())
                        .value())
                .isEqualTo(poison);
    }

    @Test
    void theConsumerLagOfEachProjectionIsAPrometheusMetric() {
        awaitAll();
        assertThat(meters).isInstanceOf(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class);
        String scrape = ((io.micrometer.prometheusmetrics.PrometheusMeterRegistry) meters).scrape();
        for (String listener : List.of("payout-ratio", "target-completion", "district-enrollment", "claims-activity")) {
            assertThat(scrape.lines()
                            .filter(l ->
                                    l.startsWith("kafka_consumer_fetch_manager_records_lag") && l.contains(listener)))
                    .as("records lag of the %s consumers", listener)
                    .isNotEmpty();
        }
    }

    @Test
    void theProjectionRebuiltByReplayEqualsTheLiveOneAndCanReplaceIt() {
        awaitAll();
        ConsumerLag.awaitNone(
                "reporting-" + cn.huzhu.reporting.messaging.PayoutRatioListener.ID,
                List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS));
        Map<UUID, Row> before = byUnit();
        ProjectionRebuilder.Result check = rebuilder.rebuild("payout-ratio", false);
        assertThat(check.differences()).isEmpty();
        assertThat(check.eventsCounted()).isGreaterThanOrEqualTo(ENROLMENTS.size());
        ProjectionRebuilder.Result swapped = admin.rebuild("payout-ratio", true);
        assertThat(swapped.differences()).isEmpty();
        assertThat(swapped.swapped()).isTrue();
        assertThat(byUnit()).isEqualTo(before);
        // the live listener goes on after the swap: a new enrolment and claim reach the swapped-in tables
        UUID member = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        int year = YEAR + 7;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            send(
                    producer,
                    Topics.MEMBERS,
                    member.toString(),
                    MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                                    member.toString(), "北仑", "IN_SERVICE", false, LocalDate.of(year, 1, 1)))
                            .setEnrollmentId(enrollment)
                            .setUnitId(UNITS.get("宁波港集团"))
                            .setPlanId(PLAN)
                            .setPremium(PREMIUM)
                            .setPremiumStatus("COLLECTED")
                            .build());
            UUID claimId = UUID.randomUUID();
            Enrolment held = new Enrolment(UNITS.get("宁波港集团"), "北仑", member, enrollment, true, List.of());
            send(producer, Topics.CLAIMS, member.toString(), approved(claimId, held, new BigDecimal("5.00"), false));
            send(producer, Topics.PAYOUTS, member.toString(), transferred(claimId, held, new BigDecimal("5.00")));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(queries.ratios(year, By.UNIT, null, null))
                        .singleElement()
                        .satisfies(r -> assertThat(r.ratio()).isEqualByComparingTo("0.1000")));
        assertThatThrownBy(() -> admin.rebuild("no-such-projection", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Payout ratio by plan year: a three-year term's premium is spread over its three years (the last takes the fen left
     * over), and a benefit is booked in the plan year its event falls in, once paid.
     */
    @Test
    void aTermOfThreeYearsSpreadsItsPremiumAndBooksEachBenefitInTheYearOfItsEvent() {
        int first = 2060;
        String plan = "ningbo-2020-special-disease";
        LocalDate start = LocalDate.of(first, 3, 1);
        UUID unit = UUID.randomUUID();
        List<Enrolment> held = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String premium : List.of("60.00", "60.00", "50.00")) {
                UUID member = UUID.randomUUID();
                UUID enrollment = UUID.randomUUID();
                send(
                        producer,
                        Topics.MEMBERS,
                        member.toString(),
                        MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                                        member.toString(), "象山", "IN_SERVICE", false, start))
                                .setEnrollmentId(enrollment)
                                .setUnitId(unit)
                                .setPlanId(plan)
                                .setTermYears(3)
                                .setPremium(new BigDecimal(premium))
                                .setFunding(List.of(
                                        new cn.huzhu.contracts.enrollment.Funding("MEMBER", new BigDecimal(premium))))
                                .setCoverageEnd(start.plusYears(3).minusDays(1))
                                .setPremiumStatus("COLLECTED")
                                .build());
                held.add(new Enrolment(unit, "象山", member, enrollment, true, new ArrayList<>()));
            }
            Object[][] claims = {
                {"2060-05-01", "1000.00", true},
                {"2061-04-01", "2000.00", false},
                {"2062-02-15", "500.00", false},
                {"2062-06-01", "300.00", null}
            };
            for (int i = 0; i < claims.length; i++) {
                Enrolment e = held.get(i % held.size());
                UUID claimId = UUID.randomUUID();
                BigDecimal amount = new BigDecimal((String) claims[i][1]);
                ClaimApproved approved = ClaimApproved.newBuilder(
                                approved(claimId, e, amount, Boolean.TRUE.equals(claims[i][2])))
                        .setEventDate(LocalDate.parse((String) claims[i][0]))
                        .setBenefits(List.of(new ApprovedBenefit(plan, 1, e.enrollmentId(), amount)))
                        .build();
                send(producer, Topics.CLAIMS, e.memberId().toString(), approved);
                if (Boolean.FALSE.equals(claims[i][2])) {
                    send(producer, Topics.PAYOUTS, e.memberId().toString(), transferred(claimId, e, amount));
                }
            }
            producer.flush();
        }

        // 60 / 3 = 20 a year; 50 / 3 = 16.66, 16.66 and 16.68. The stay of 2062-02-15 is in the plan year from
        // 2061-03-01;
        // the one of 2062-06-01 is approved but its transfer not confirmed.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(queries.ratios(first, By.PLAN, null, plan))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.premiums()).isEqualByComparingTo("56.66");
                        assertThat(r.benefits()).isEqualByComparingTo("1000.00");
                        assertThat(r.enrolled()).isEqualTo(3);
                    });
            assertThat(queries.ratios(first + 1, By.PLAN, null, plan))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.premiums()).isEqualByComparingTo("56.66");
                        assertThat(r.benefits()).isEqualByComparingTo("2500.00");
                    });
            assertThat(queries.ratios(first + 2, By.PLAN, null, plan))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.premiums()).isEqualByComparingTo("56.68");
                        assertThat(r.benefits()).isEqualByComparingTo("0.00");
                    });
            assertThat(queries.ratios(first + 3, By.PLAN, null, plan)).isEmpty();
            assertThat(controller.fundPosition(first + 2, plan)).singleElement().satisfies(f -> {
                assertThat(f.premiumsByPayer().get("MEMBER")).isEqualByComparingTo("56.68");
                assertThat(f.benefitsApproved())
                        .as("approved, its transfer awaited")
                        .isEqualByComparingTo("300.00");
            });
        });
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> controller.ratios(YEAR, "street", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> controller.subsidy(YEAR, PLAN, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controller.subsidy(YEAR, PLAN, new BigDecimal("1.001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controller.discountUnits(YEAR, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> controller.ratios(1800, "unit", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    void awaitAll() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<UUID, Row> rows = byUnit();
            assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(UNITS.values());
            UNITS.values().forEach(u -> assertSameFigures(rows.get(u), expected(u)));
            // names come from the units topic, read by another consumer group
            UNITS.forEach((name, u) -> assertThat(rows.get(u).unitName()).isEqualTo(name));
        });
    }
}
