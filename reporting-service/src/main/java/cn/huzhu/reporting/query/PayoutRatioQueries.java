package cn.huzhu.reporting.query;

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

    private static final String UNIT_NAME = "(select u.name from unit_directory u where u.unit_id = e.unit_id)";

    /** What the ratios are grouped by: the select list of its key columns (unit, unit name, plan, district) and its grouping. */
    public enum By {
        UNIT("e.unit_id, " + UNIT_NAME + ", null::varchar, min(e.district)", "e.unit_id"),
        DISTRICT("null::uuid, null::varchar, null::varchar, e.district", "e.district"),
        PLAN("null::uuid, null::varchar, e.plan_id, null::varchar", "e.plan_id"),
        UNIT_PLAN("e.unit_id, " + UNIT_NAME + ", e.plan_id, min(e.district)", "e.unit_id, e.plan_id");

        private final String keys;
        private final String groupBy;

        By(String keys, String groupBy) {
            this.keys = keys;
            this.groupBy = groupBy;
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
    public record Row(UUID unitId, String unitName, String district, String planId, long enrolled, BigDecimal premiums, BigDecimal benefits,
                      BigDecimal ratio) {
    }

    /** A unit's share of a subsidy pool: in proportion to what its benefits fall short of 70 % of its premiums. */
    public record Allocation(Row unit, BigDecimal shortfall, BigDecimal allocation) {
    }

    /**
     * The fund of one plan and plan year: premiums collected, by who paid them; benefits approved under its enrolments
     * (hospital settlements included), of which revoked (to be recovered, or never paid); and the balance, premiums
     * less the benefits that stand.
     */
    public record FundPosition(String planId, int year, BigDecimal premiums, java.util.Map<String, BigDecimal> premiumsByPayer,
                               BigDecimal benefitsApproved, BigDecimal benefitsRevoked, BigDecimal balance) {
    }

    public static final BigDecimal SUBSIDY_RATIO = new BigDecimal("0.70");

    private final JdbcTemplate jdbc;

    public PayoutRatioQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ratios of a plan year; {@code district} and {@code planId} narrow it (null: all). */
    public List<Row> ratios(int year, By by, String district, String planId) {
        String sql = "select " + by.keys + ", count(distinct e.member_id) as enrolled,"
                + " coalesce(sum(e.premium) filter (where e.collected), 0) as premiums, coalesce(sum(b.benefits), 0) as benefits"
                + " from ratio_enrollment e left join (select enrollment_id, sum(amount) as benefits from ratio_benefit where not revoked"
                + " group by enrollment_id) b on b.enrollment_id = e.enrollment_id"
                + " where e.year = ? and (cast(? as varchar) is null or e.district = ?) and (cast(? as varchar) is null or e.plan_id = ?)"
                + " group by " + by.groupBy + " order by 4, 2, 3";
        return jdbc.query(sql, (rs, i) -> {
            BigDecimal premiums = rs.getBigDecimal("premiums");
            BigDecimal benefits = rs.getBigDecimal("benefits");
            return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(4), rs.getString(3), rs.getLong("enrolled"),
                    premiums, benefits, ratio(benefits, premiums));
        }, year, district, district, planId, planId);
    }

    /** Units with at least {@code minEnrolled} members whose ratio is below {@code below} (and that collected premiums). */
    public List<Row> unitsBelow(int year, long minEnrolled, BigDecimal below) {
        return ratios(year, By.UNIT, null, null).stream()
                .filter(r -> r.enrolled() >= minEnrolled && r.ratio() != null && r.ratio().compareTo(below) < 0).toList();
    }

    /**
     * Ningbo's medical subsidy: units with more than {@code moreThan} members in the plan and a ratio below 70 % share
     * {@code pool} in proportion to their shortfall (70 % of premiums less benefits), to the fen; the fen left over by
     * rounding go to the largest remainders, so the shares add up to the pool exactly.
     */
    public List<Allocation> subsidy(int year, String planId, long moreThan, BigDecimal pool) {
        List<Row> eligible = ratios(year, By.UNIT_PLAN, null, planId).stream()
                .filter(r -> r.enrolled() > moreThan && r.ratio() != null && r.ratio().compareTo(SUBSIDY_RATIO) < 0).toList();
        List<BigDecimal> shortfalls = eligible.stream().map(r -> r.premiums().multiply(SUBSIDY_RATIO).subtract(r.benefits())).toList();
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
            BigDecimal exact = BigDecimal.valueOf(poolFen).multiply(shortfalls.get(i)).divide(total, 10, RoundingMode.DOWN);
            fen[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(fen[i]));
            given += fen[i];
        }
        Integer[] order = new Integer[eligible.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < poolFen; k++, given++) {
            fen[order[k % order.length]]++;
        }
        for (int i = 0; i < eligible.size(); i++) {
            allocations.add(new Allocation(eligible.get(i), shortfalls.get(i).setScale(2, RoundingMode.HALF_UP), BigDecimal.valueOf(fen[i], 2)));
        }
        return allocations;
    }

    /** The fund position of every plan with enrolments in the plan year (or of one plan). */
    public List<FundPosition> fundPositions(int year, String planId) {
        java.util.Map<String, java.util.Map<String, BigDecimal>> byPayer = new java.util.TreeMap<>();
        jdbc.query("""
                select e.plan_id, f.payer, sum(f.amount) from ratio_enrollment e join ratio_funding f on f.enrollment_id = e.enrollment_id
                where e.year = ? and e.collected and (cast(? as varchar) is null or e.plan_id = ?) group by e.plan_id, f.payer""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> byPayer.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3)), year, planId, planId);
        return jdbc.query("""
                select e.plan_id, coalesce(sum(e.premium) filter (where e.collected), 0) as premiums,
                       coalesce(sum(b.approved), 0) as approved, coalesce(sum(b.revoked), 0) as revoked
                from ratio_enrollment e left join (select enrollment_id, sum(amount) as approved, sum(amount) filter (where revoked) as revoked
                                                   from ratio_benefit group by enrollment_id) b on b.enrollment_id = e.enrollment_id
                where e.year = ? and (cast(? as varchar) is null or e.plan_id = ?)
                group by e.plan_id order by e.plan_id""",
                (rs, i) -> {
                    BigDecimal premiums = rs.getBigDecimal("premiums");
                    BigDecimal approved = rs.getBigDecimal("approved");
                    BigDecimal revoked = rs.getBigDecimal("revoked");
                    return new FundPosition(rs.getString("plan_id"), year, premiums, byPayer.getOrDefault(rs.getString("plan_id"), java.util.Map.of()),
                            approved, revoked, premiums.subtract(approved.subtract(revoked)));
                }, year, planId, planId);
    }

    static BigDecimal ratio(BigDecimal benefits, BigDecimal premiums) {
        return premiums.signum() == 0 ? null : benefits.divide(premiums, 4, RoundingMode.HALF_UP);
    }
}
