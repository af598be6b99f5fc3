package cn.huzhu.reporting.query;

import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims of a year (by the day they were submitted) grouped by any of plan, type, district and month: how many were
 * decided, approved (and still stand), rejected and revoked; the benefits approved; the approval rate; and the
 * average days from submission to payment of the approved claims paid to members' cards (the day the bank confirmed
 * the claim's last payout; claims settled at the hospital desk are paid there and left out of it). A claim paying
 * under two plans counts once under each; rejected claims pay under no plan and are grouped under a null plan.
 */
@Component
public class ClaimsActivityQueries {

    /** A grouping column of the claims cube. */
    public enum Dimension {
        PLAN("plan_id"),
        TYPE("type"),
        DISTRICT("district"),
        MONTH("month");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }

        /** From a request parameter: a comma-separated list of plan, type, district and month (blank: all four). */
        public static Set<Dimension> parse(String by) {
            if (by == null || by.isBlank()) {
                return EnumSet.allOf(Dimension.class);
            }
            Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
            for (String part : by.split(",")) {
                try {
                    dims.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "by must list plan, type, district or month, not " + part.trim());
                }
            }
            return dims;
        }
    }

    /** Filters; null where not filtered. */
    public record Filter(String planId, String type, String district) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    /**
     * One group; a key not grouped by is null (district "" when the member's district is not known yet). Rates to four
     * decimals; the average days to one decimal, null when no claim of the group has been paid yet.
     */
    public record Row(
            String planId,
            String type,
            String district,
            String month,
            long claims,
            long approved,
            long rejected,
            long revoked,
            BigDecimal amount,
            BigDecimal approvalRate,
            long paid,
            BigDecimal averageDaysToPayment) {}

    private final JdbcTemplate jdbc;

    public ClaimsActivityQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The table, summed from {@code claim_cube} ({@link ReportSummaries}): per plan when grouped or filtered by plan. */
    public List<Row> claims(int year, Set<Dimension> by, Filter filter) {
        boolean byPlan = by.contains(Dimension.PLAN) || filter.planId() != null;
        String keys = EnumSet.allOf(Dimension.class).stream()
                .map(d -> by.contains(d) ? d.expression : "null::varchar")
                .collect(Collectors.joining(", "));
        String groupBy = by.stream().map(d -> d.expression).collect(Collectors.joining(", "));
        List<Object> args = new ArrayList<>(List.of(byPlan, year));
        StringBuilder where = new StringBuilder("with_plan = ? and year = ?");
        if (filter.planId() != null) {
            where.append(" and plan_id = ?");
            args.add(filter.planId());
        }
        if (filter.type() != null) {
            where.append(" and type = ?");
            args.add(filter.type());
        }
        if (filter.district() != null) {
            where.append(" and district = ?");
            args.add(filter.district());
        }
        // at the cube's own grain (grouped by all four) a row is a cube row: read in the order of the cube's index
        boolean grain = by.size() == Dimension.values().length;
        String measures = grain
                ? "claims, approved, rejected, revoked, amount, paid, days_sum as days"
                : "sum(claims) as claims, sum(approved) as approved, sum(rejected) as rejected, sum(revoked) as revoked,"
                        + " sum(amount) as amount, sum(paid) as paid, sum(days_sum) as days";
        String sql = "select " + keys + ", " + measures + " from claim_cube where " + where
                + (grain
                        ? " order by " + groupBy
                        : groupBy.isEmpty() ? "" : " group by " + groupBy + " order by " + groupBy);
        return jdbc.query(sql, ClaimsActivityQueries::row, args.toArray());
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        long claims = rs.getLong("claims");
        long approved = rs.getLong("approved");
        long paid = rs.getLong("paid");
        return new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                claims,
                approved,
                rs.getLong("rejected"),
                rs.getLong("revoked"),
                Money.exactYuan(rs.getBigDecimal("amount")),
                claims == 0
                        ? null
                        : BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(claims), 4, RoundingMode.HALF_UP),
                paid,
                paid == 0
                        ? null
                        : BigDecimal.valueOf(rs.getLong("days"))
                                .divide(BigDecimal.valueOf(paid), 1, RoundingMode.HALF_UP));
    }
}
