package cn.huzhu.reporting.query;

import cn.huzhu.plans.UnitQualification;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payout ratios (给付率 = benefits paid ÷ premiums collected) of a plan year, and the lists unions decide by them:
 * units below a ratio with enough members (Jiangshan's renewal discount, Huzhou's gifts) and Ningbo's medical
 * subsidy allocation.
 */
@Component
public class PayoutRatioQueries {

    /** What the ratios are grouped by: the summary level of each grouping, without and with the other filter. */
    public enum By {
        UNIT(3, 2),
        DISTRICT(5, 4),
        PLAN(6, 4),
        UNIT_PLAN(2, 2);

        private final int level;
        private final int filteredLevel;

        By(int level, int filteredLevel) {
            this.level = level;
            this.filteredLevel = filteredLevel;
        }

        /** The summary level to read: a unit or district filtered by plan reads its per-plan rows; a plan filtered by district too. */
        int level(String district, String planId) {
            boolean narrowed =
                    this == PLAN ? district != null : this == UNIT || this == DISTRICT ? planId != null : false;
            return narrowed ? filteredLevel : level;
        }

        /** From a request parameter: unit, district, plan or unit-plan. */
        public static By parse(String by) {
            try {
                return valueOf(by.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("by must be unit, district, plan or unit-plan, not " + by);
            }
        }
    }

    /** One group: its members enrolled (distinct), the premiums collected and the benefits paid; ratio null without premiums. */
    public record Row(
            UUID unitId,
            String unitName,
            String district,
            String planId,
            long enrolled,
            BigDecimal premiums,
            BigDecimal benefits,
            BigDecimal ratio) {}

    /** A unit's share of a subsidy pool: in proportion to what its benefits fall short of 70 % of its premiums. */
    public record Allocation(Row unit, BigDecimal shortfall, BigDecimal allocation) {}

    /**
     * The fund of one plan and plan year: premiums collected, by who paid them; benefits approved under its enrolments
     * (hospital settlements included), of which revoked (to be recovered, or never paid); and the balance, premiums
     * less the benefits that stand.
     */
    public record FundPosition(
            String planId,
            int year,
            BigDecimal premiums,
            java.util.Map<String, BigDecimal> premiumsByPayer,
            BigDecimal benefitsApproved,
            BigDecimal benefitsRevoked,
            BigDecimal balance) {}

    private final JdbcTemplate jdbc;

    public PayoutRatioQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ratios of a plan year; {@code district} and {@code planId} narrow it (null: all). Read from {@code ratio_summary}
     * ({@link ReportSummaries}).
     */
    public List<Row> ratios(int year, By by, String district, String planId) {
        boolean unitKey = by == By.UNIT || by == By.UNIT_PLAN;
        String sql = "select s.unit_id, "
                + (unitKey ? "(select u.name from unit_directory u where u.unit_id = s.unit_id)" : "null::varchar")
                + ", s.district, "
                + (by == By.UNIT ? "null::varchar" : by == By.DISTRICT ? "null::varchar" : "s.plan_id")
                + ", s.members, s.premiums, s.benefits from ratio_summary s"
                + " where s.year = ? and s.level = ? and (cast(? as varchar) is null or s.district = ?) and (cast(? as varchar) is null or s.plan_id = ?)"
                + " order by 3, 2, 4";
        return jdbc.query(
                sql,
                (rs, i) -> {
                    BigDecimal premiums = rs.getBigDecimal("premiums");
                    BigDecimal benefits = rs.getBigDecimal("benefits");
                    return new Row(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            by == By.PLAN ? null : rs.getString(3),
                            rs.getString(4),
                            rs.getLong("members"),
                            premiums,
                            benefits,
                            ratio(benefits, premiums));
                },
                year,
                by.level(district, planId),
                district,
                district,
                planId,
                planId);
    }

    /** The units the rule is for (its districts or natures, if it names any) whose figures of the year pass its thresholds. */
    public List<Row> unitsQualifying(int year, UnitQualification rule) {
        java.util.Map<UUID, String> natures = new java.util.HashMap<>();
        jdbc.query(
                "select unit_id, nature from unit_directory where nature is not null",
                (org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> natures.put(rs.getObject(1, UUID.class), rs.getString(2)));
        return ratios(year, By.UNIT, null, null).stream()
                .filter(r ->
                        rule.admitsUnit(r.district(), natures.get(r.unitId())) && rule.admits(r.enrolled(), r.ratio()))
                .toList();
    }

    /**
     * Ningbo's medical subsidy: the units whose figures in the plan pass the rule share {@code pool} in proportion to
     * their shortfall (the rule's ratio of premiums, 70 %, less benefits), to the fen; the fen left over by rounding go
     * to the largest remainders, so the shares add up to the pool exactly.
     */
    public List<Allocation> subsidy(int year, String planId, UnitQualification rule, BigDecimal pool) {
        BigDecimal target = rule.payoutRatio().value();
        List<Row> eligible = ratios(year, By.UNIT_PLAN, null, planId).stream()
                .filter(r -> rule.admits(r.enrolled(), r.ratio()))
                .toList();
        List<BigDecimal> shortfalls = eligible.stream()
                .map(r -> r.premiums().multiply(target).subtract(r.benefits()))
                .toList();
        BigDecimal total = shortfalls.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Allocation> allocations = new ArrayList<>();
        if (total.signum() == 0) {
            return allocations;
        }
        long poolFen = pool.movePointRight(2).longValueExact();
        long[] fen = new long[eligible.size()];
        BigDecimal[] remainders = new BigDecimal[eligible.size()];
        long given = 0;
        for (int i = 0; i < eligible.size(); i++) {
            BigDecimal exact =
                    BigDecimal.valueOf(poolFen).multiply(shortfalls.get(i)).divide(total, 10, RoundingMode.DOWN);
            fen[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(fen[i]));
            given += fen[i];
        }
        Integer[] order = new Integer[eligible.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < poolFen; k++, given++) {
            fen[order[k % order.length]]++;
        }
        for (int i = 0; i < eligible.size(); i++) {
            allocations.add(new Allocation(
                    eligible.get(i),
                    shortfalls.get(i).setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(fen[i], 2)));
        }
        return allocations;
    }

    /** The fund position of every plan with enrolments in the plan year (or of one plan), from the summaries. */
    public List<FundPosition> fundPositions(int year, String planId) {
        java.util.Map<String, java.util.Map<String, BigDecimal>> byPayer = new java.util.TreeMap<>();
        jdbc.query(
                "select plan_id, payer, amount from ratio_payer_summary where year = ? and (cast(? as varchar) is null or plan_id = ?)",
                (org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> byPayer.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                                .put(rs.getString(2), rs.getBigDecimal(3)),
                year,
                planId,
                planId);
        return jdbc.query(
                """
                select plan_id, premiums, approved, revoked from ratio_summary
                where year = ? and level = 6 and (cast(? as varchar) is null or plan_id = ?) order by plan_id""",
                (rs, i) -> {
                    BigDecimal premiums = rs.getBigDecimal("premiums");
                    BigDecimal approved = rs.getBigDecimal("approved");
                    BigDecimal revoked = rs.getBigDecimal("revoked");
                    return new FundPosition(
                            rs.getString("plan_id"),
                            year,
                            premiums,
                            byPayer.getOrDefault(rs.getString("plan_id"), java.util.Map.of()),
                            approved,
                            revoked,
                            premiums.subtract(approved.subtract(revoked)));
                },
                year,
                planId,
                planId);
    }

    static BigDecimal ratio(BigDecimal benefits, BigDecimal premiums) {
        return premiums.signum() == 0 ? null : benefits.divide(premiums, 4, RoundingMode.HALF_UP);
    }
}
