package cn.huzhu.reporting.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class TargetCompletionQueries {

    static final String OTHER = "其他";
    static final String TOTAL = "合计";

    private final JdbcTemplate jdbc;

    public TargetCompletionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param district null for every district */
    public TargetCompletionReport targetCompletion(int year, String district) {
        List<TargetCompletionReport.Row> units = jdbc.query(
                """
                select t.unit_id, coalesce(u.name, t.unit_id::text) as name, t.district, t.plan_id, t.target,
                       (select coalesce(sum(e.enrolled), 0) from unit_year_enrollment e
                         where e.year = t.year and e.unit_id = t.unit_id and (t.plan_id is null or e.plan_id = t.plan_id)) as completed,
                       (select n.target::bigint from enrollment_target n
                         where n.scope = 'UNIT' and n.unit_id = t.unit_id and n.year = t.year + 1
                           and n.plan_id is not distinct from t.plan_id) as next_target
                from enrollment_target t left join unit_directory u on u.unit_id = t.unit_id
                where t.scope = 'UNIT' and t.year = ? and (cast(? as varchar) is null or t.district = ?)
                order by t.district, name""",
                (rs, i) -> row(
                        rs.getString("name"),
                        rs.getString("unit_id"),
                        rs.getString("district"),
                        rs.getString("plan_id"),
                        rs.getLong("target"),
                        rs.getLong("completed"),
                        (Long) rs.getObject("next_target", Long.class)),
                year,
                district,
                district);
        long other = jdbc.queryForObject("""
                select coalesce(sum(e.enrolled), 0) from unit_year_enrollment e
                where e.year = ? and (cast(? as varchar) is null or e.district = ?)
                  and not exists (select 1 from enrollment_target t where t.scope = 'UNIT' and t.year = e.year and t.unit_id = e.unit_id)""", Long.class, year, district, district);
        List<TargetCompletionReport.Row> districts = jdbc.query(
                """
                select t.district, t.plan_id, t.target,
                       (select coalesce(sum(e.enrolled), 0) from unit_year_enrollment e
                         where e.year = t.year and e.district = t.district and (t.plan_id is null or e.plan_id = t.plan_id)) as completed,
                       (select n.target::bigint from enrollment_target n
                         where n.scope = 'DISTRICT' and n.district = t.district and n.year = t.year + 1
                           and n.plan_id is not distinct from t.plan_id) as next_target
                from enrollment_target t
                where t.scope = 'DISTRICT' and t.year = ? and (cast(? as varchar) is null or t.district = ?)
                order by t.district""",
                (rs, i) -> row(
                        rs.getString("district"),
                        null,
                        rs.getString("district"),
                        rs.getString("plan_id"),
                        rs.getLong("target"),
                        rs.getLong("completed"),
                        (Long) rs.getObject("next_target", Long.class)),
                year,
                district,
                district);
        long target =
                units.stream().mapToLong(TargetCompletionReport.Row::target).sum();
        long completed =
                units.stream().mapToLong(TargetCompletionReport.Row::completed).sum() + other;
        Long nextYear = units.stream().anyMatch(r -> r.nextYearTarget() != null)
                ? units.stream()
                        .mapToLong(r -> r.nextYearTarget() == null ? 0 : r.nextYearTarget())
                        .sum()
                : null;
        return new TargetCompletionReport(
                year,
                district,
                units,
                new TargetCompletionReport.Row(OTHER, null, district, null, null, other, null, null),
                row(TOTAL, null, district, null, target, completed, nextYear),
                districts);
    }

    private static TargetCompletionReport.Row row(
            String name,
            String unitId,
            String district,
            String planId,
            long target,
            long completed,
            Long nextYearTarget) {
        return new TargetCompletionReport.Row(
                name, unitId, district, planId, target, completed, rate(completed, target), nextYearTarget);
    }

    /** A part as a percentage of a whole, two decimals, half up (5485 of 7000 → "78.36"); null for a whole of 0. */
    static String rate(long completed, long target) {
        if (target == 0) {
            return null;
        }
        return BigDecimal.valueOf(completed)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(target), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
