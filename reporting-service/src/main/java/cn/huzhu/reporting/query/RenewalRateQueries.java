package cn.huzhu.reporting.query;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The renewal rate (续保率) of a plan year, as the Shaoxing scheme measures its renewal notices: of the enrolments in force
 * whose cover started the year before, the share that a later enrolment of the same member and plan, in force too,
 * continues without a gap (starting after it and no later than the day after it ends). Counted per unit, district or plan,
 * each against the base enrolment's unit, district and plan.
 */
@Component
public class RenewalRateQueries {

    /** What the rows are per. */
    public enum By {
        UNIT("b.unit_id::text", "coalesce(u.name, b.unit_id::text)", "b.district"),
        DISTRICT("b.district", "b.district", "b.district"),
        PLAN("b.plan_id", "b.plan_id", "null");

        private final String key;
        private final String name;
        private final String district;

        By(String key, String name, String district) {
            this.key = key;
            this.name = name;
            this.district = district;
        }

        public static By parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("by must be unit, district or plan, not " + value);
            }
        }
    }

    /** One group: its key (unit id, district or plan id), name, district, last year's enrolments in force, those renewed, the rate %. */
    public record Row(String key, String name, String district, long enrolled, long renewed, String rate) {}

    /** The rate of the year: rows, then the total over them. */
    public record Report(int year, String by, String district, String planId, List<Row> rows, Row total) {}

    private final JdbcTemplate jdbc;

    public RenewalRateQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param year     the year renewed into (the enrolments renewed started in {@code year - 1})
     * @param district null for every district
     * @param planId   null for every plan
     */
    public Report renewalRate(int year, By by, String district, String planId) {
        List<Row> rows = jdbc.query(
                """
                with base as (
                    select b.*, exists (select 1 from renewal_enrolment r
                                        where r.member_id = b.member_id and r.plan_id = b.plan_id and r.paid
                                          and r.coverage_start > b.coverage_start and r.coverage_start <= b.coverage_end + 1) as renewed
                    from renewal_enrolment b
                    where b.paid and b.coverage_start >= make_date(? - 1, 1, 1) and b.coverage_start < make_date(?, 1, 1)
                      and (cast(? as varchar) is null or b.district = ?) and (cast(? as varchar) is null or b.plan_id = ?))
                select %s as key, %s as name, %s as district, count(*) as enrolled, count(*) filter (where b.renewed) as renewed
                from base b left join unit_directory u on u.unit_id = b.unit_id
                group by 1, 2, 3 order by 3 nulls first, 2""".formatted(by.key, by.name, by.district),
                (rs, i) -> row(
                        rs.getString("key"),
                        rs.getString("name"),
                        rs.getString("district"),
                        rs.getLong("enrolled"),
                        rs.getLong("renewed")),
                year,
                year,
                district,
                district,
                planId,
                planId);
        long enrolled = rows.stream().mapToLong(Row::enrolled).sum();
        long renewed = rows.stream().mapToLong(Row::renewed).sum();
        return new Report(
                year,
                by.name().toLowerCase(Locale.ROOT),
                district,
                planId,
                rows,
                row(null, TargetCompletionQueries.TOTAL, district, enrolled, renewed));
    }

    private static Row row(String key, String name, String district, long enrolled, long renewed) {
        return new Row(key, name, district, enrolled, renewed, TargetCompletionQueries.rate(renewed, enrolled));
    }
}
