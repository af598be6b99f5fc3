package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.reporting.messaging.ProjectionRebuilder;
import cn.huzhu.reporting.messaging.TargetCompletionListener;
import cn.huzhu.reporting.query.RenewalRateQueries;
import cn.huzhu.reporting.query.RenewalRateQueries.By;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The renewal rate of a generated year: 300 members of three units in two districts and two plans, each enrolled in 2061
 * (in force at once, or paid later, or never paid) and then renewed without a gap, renewed early, renewed after a gap, renewed
 * but not paid, moved to another plan, or not renewed. The figures per unit, district and plan are counted here from what
 * was generated and must equal the report's, and a rebuild of the projection must give the same.
 */
@SpringBootTest
class RenewalRateReportingIT extends OnLocalStack {

    static final int BASE = 2061;
    static final List<String> PLANS = List.of("shaoxing-hospital", "shaoxing-critical-illness");
    static final List<String> DISTRICTS = List.of("新昌县", "嵊州市");

    @Autowired
    RenewalRateQueries queries;

    @Autowired
    ProjectionRebuilder rebuilder;

    private enum Base {
        IN_FORCE,
        COLLECTED_LATER,
        NEVER_PAID
    }

    private enum Next {
        NO_GAP,
        EARLY,
        GAP,
        NOT_PAID,
        OTHER_PLAN,
        NONE
    }

    /** Enrolled, renewed: per key, {enrolled, renewed}. */
    private final Map<String, long[]> byUnit = new TreeMap<>();

    private final Map<String, long[]> byDistrict = new TreeMap<>();
    private final Map<String, long[]> byPlan = new TreeMap<>();

    @Test
    void theRenewalRateOfAGeneratedYearIsTheShareOfLastYearsPaidEnrolmentsRenewedWithoutAGap() {
        Random random = new Random(2061);
        List<UUID> units = new ArrayList<>();
        List<String> unitDistricts = List.of(DISTRICTS.get(0), DISTRICTS.get(0), DISTRICTS.get(1));
        for (int u = 0; u < 3; u++) {
            units.add(TargetCompletionReportingIT.unit("续保演练单位" + u, unitDistricts.get(u)));
        }
        for (int i = 0; i < 300; i++) {
            int u = random.nextInt(3);
            UUID unit = units.get(u);
            String district = unitDistricts.get(u);
            String plan = PLANS.get(random.nextInt(2));
            String member = UUID.randomUUID().toString();
            LocalDate start = LocalDate.of(
                    BASE, 2 + random.nextInt(11), 1); // an early renewal of a January cover would start in BASE itself
            LocalDate end = start.plusYears(1).minusDays(1);
            Base base = Base.values()[random.nextInt(Base.values().length)];
            Next next = Next.values()[random.nextInt(Next.values().length)];

            UUID enrolment = enrol(member, unit, district, plan, start, end, base == Base.IN_FORCE);
            if (base == Base.COLLECTED_LATER) {
                collect(member, enrolment, unit, district, plan, start, end);
            }
            LocalDate nextStart = switch (next) {
                case NO_GAP, NOT_PAID, OTHER_PLAN -> end.plusDays(1);
                case EARLY -> end.minusDays(20);
                case GAP -> end.plusDays(11);
                case NONE -> null;
            };
            if (nextStart != null) {
                enrol(
                        member,
                        unit,
                        district,
                        next == Next.OTHER_PLAN ? other(plan) : plan,
                        nextStart,
                        nextStart.plusYears(1).minusDays(1),
                        next != Next.NOT_PAID);
            }
            if (base != Base.NEVER_PAID) {
                boolean renewed = next == Next.NO_GAP || next == Next.EARLY;
                count(byUnit, unit.toString(), renewed);
                count(byDistrict, district, renewed);
                count(byPlan, plan, renewed);
            }
        }
        // the year before the base: none of these is counted for BASE + 1
        enrol(
                UUID.randomUUID().toString(),
                units.get(0),
                DISTRICTS.get(0),
                PLANS.get(0),
                LocalDate.of(BASE - 1, 6, 1),
                LocalDate.of(BASE, 5, 31),
                true);

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(figures(By.DISTRICT, null)).isEqualTo(byDistrict));
        assertThat(figures(By.UNIT, null)).isEqualTo(byUnit);
        for (String district : DISTRICTS) {
            assertThat(figures(By.UNIT, district)).isEqualTo(onlyUnitsOf(district, units, unitDistricts));
        }
        RenewalRateQueries.Report report = queries.renewalRate(BASE + 1, By.DISTRICT, DISTRICTS.get(0), null);
        long enrolled = byDistrict.get(DISTRICTS.get(0))[0];
        long renewed = byDistrict.get(DISTRICTS.get(0))[1];
        assertThat(report.total().enrolled()).isEqualTo(enrolled);
        assertThat(report.total().renewed()).isEqualTo(renewed);
        assertThat(report.total().rate())
                .isEqualTo(new BigDecimal(renewed * 100)
                        .divide(new BigDecimal(enrolled), 2, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
        assertThat(queries.renewalRate(BASE, By.DISTRICT, DISTRICTS.get(0), null)
                        .total()
                        .enrolled())
                .as("the year before the base")
                .isEqualTo(1);

        // by plan: within these districts only (other tests use these plans)
        Map<String, long[]> plans = new TreeMap<>();
        for (String district : DISTRICTS) {
            for (String plan : PLANS) {
                RenewalRateQueries.Report one = queries.renewalRate(BASE + 1, By.PLAN, district, plan);
                one.rows()
                        .forEach(r -> plans.merge(r.key(), new long[] {r.enrolled(), r.renewed()}, (a, b) ->
                                new long[] {a[0] + b[0], a[1] + b[1]}));
            }
        }
        assertThat(plans).usingRecursiveComparison().isEqualTo(byPlan);

        ConsumerLag.awaitNone(TargetCompletionListener.GROUP, List.of(Topics.UNITS, Topics.TARGETS, Topics.MEMBERS));
        Map<String, long[]> live = figures(By.UNIT, null);
        ProjectionRebuilder.Result rebuilt = rebuilder.rebuild("target-completion", true);
        assertThat(rebuilt.differences()).isEmpty();
        assertThat(figures(By.UNIT, null)).usingRecursiveComparison().isEqualTo(live);
    }

    private Map<String, long[]> figures(By by, String district) {
        Map<String, long[]> figures = new TreeMap<>();
        for (String d : district == null ? DISTRICTS : List.of(district)) {
            queries.renewalRate(BASE + 1, by, d, null)
                    .rows()
                    .forEach(r -> figures.merge(r.key(), new long[] {r.enrolled(), r.renewed()}, (a, b) ->
                            new long[] {a[0] + b[0], a[1] + b[1]}));
        }
        return new ComparableMap(figures);
    }

    private Map<String, long[]> onlyUnitsOf(String district, List<UUID> units, List<String> unitDistricts) {
        Map<String, long[]> only = new TreeMap<>();
        for (int u = 0; u < units.size(); u++) {
            if (unitDistricts.get(u).equals(district)
                    && byUnit.containsKey(units.get(u).toString())) {
                only.put(units.get(u).toString(), byUnit.get(units.get(u).toString()));
            }
        }
        return new ComparableMap(only);
    }

    private static void count(Map<String, long[]> figures, String key, boolean renewed) {
        long[] f = figures.computeIfAbsent(key, k -> new long[2]);
        f[0]++;
        if (renewed) {
            f[1]++;
        }
    }

    private static String other(String plan) {
        return PLANS.get(0).equals(plan) ? PLANS.get(1) : PLANS.get(0);
    }

    private static UUID enrol(
            String member, UUID unit, String district, String plan, LocalDate start, LocalDate end, boolean inForce) {
        MemberEnrolled e = MemberEnrolled.newBuilder(
                        DistrictEnrollmentReportingIT.enrolled(member, district, "IN_SERVICE", false, start))
                .setUnitId(unit)
                .setPlanId(plan)
                .setCoverageEnd(end)
                .setPremiumStatus(inForce ? "COLLECTED" : "PENDING")
                .build();
        TargetCompletionReportingIT.send(Topics.MEMBERS, member, e);
        return e.getEnrollmentId();
    }

    private static void collect(
            String member, UUID enrolment, UUID unit, String district, String plan, LocalDate start, LocalDate end) {
        TargetCompletionReportingIT.send(
                Topics.MEMBERS,
                member,
                PremiumCollected.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setEnrollmentId(enrolment)
                        .setMemberId(UUID.fromString(member))
                        .setUnitId(unit)
                        .setDistrict(district)
                        .setPlanId(plan)
                        .setMethod("BANK_DEDUCTION")
                        .setReference("R-" + enrolment)
                        .setAmount(new BigDecimal("50.00"))
                        .setCollectedOn(start)
                        .setCoverageStart(start)
                        .setCoverageEnd(end)
                        .setWaitingPeriodEnd(start)
                        .build());
    }

    /** Figures compared by value ({@code long[]} are compared by identity in a plain map). */
    private static final class ComparableMap extends TreeMap<String, long[]> {
        ComparableMap(Map<String, long[]> figures) {
            super(figures);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Map<?, ?> other) || other.size() != size()) {
                return false;
            }
            return entrySet().stream()
                    .allMatch(
                            e -> other.get(e.getKey()) instanceof long[] v && java.util.Arrays.equals(v, e.getValue()));
        }

        @Override
        public int hashCode() {
            return keySet().hashCode();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("{");
            forEach((k, v) -> text.append(k)
                    .append('=')
                    .append(java.util.Arrays.toString(v))
                    .append(' '));
            return text.append('}').toString();
        }
    }
}
