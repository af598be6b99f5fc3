package cn.huzhu.reporting.query;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class DistrictEnrollmentQueries {

    private final JdbcTemplate jdbc;

    public DistrictEnrollmentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rows for every district with enrolments in the year or real-name members by its end, ordered by
     * district. The total is gifted + in-service + retired for every row, the totals row included.
     */
    public DistrictEnrollmentReport districtEnrollment(int year, ProjectionTables tables) {
        List<DistrictEnrollmentReport.Row> rows = jdbc.query(
                """
                with enrolled as (select district, gifted, in_service, retired from %1$s where year = ?),
                     verified as (select district, sum(members) as members from %2$s where year <= ? group by district),
                     previous as (select district, gifted + in_service + retired as total from %1$s where year = ?)
                select coalesce(e.district, v.district) as district,
                       coalesce(e.gifted, 0) as gifted, coalesce(e.in_service, 0) as in_service, coalesce(e.retired, 0) as retired,
                       coalesce(v.members, 0) as real_name, coalesce(p.total, 0) as previous
                from enrolled e full outer join verified v on v.district = e.district
                     left join previous p on p.district = coalesce(e.district, v.district)
                order by 1""".formatted(tables.districtEnrollment(), tables.realNameMembers()),
                (rs, i) -> row(
                        rs.getString("district"),
                        rs.getLong("gifted"),
                        rs.getLong("in_service"),
                        rs.getLong("retired"),
                        rs.getLong("real_name"),
                        rs.getLong("previous")),
                year,
                year,
                year - 1);
        DistrictEnrollmentReport.Row totals = row(
                "合计",
                rows.stream()
                        .mapToLong(DistrictEnrollmentReport.Row::giftedSpecialDisease)
                        .sum(),
                rows.stream().mapToLong(DistrictEnrollmentReport.Row::inService).sum(),
                rows.stream().mapToLong(DistrictEnrollmentReport.Row::retired).sum(),
                rows.stream()
                        .mapToLong(DistrictEnrollmentReport.Row::realNameMembers)
                        .sum(),
                previousTotal(year - 1, tables));
        return new DistrictEnrollmentReport(year, rows, totals);
    }

    /** Last year's total of every district (those without enrolments this year included). */
    private long previousTotal(int year, ProjectionTables tables) {
        return jdbc.queryForObject(
                "select coalesce(sum(gifted + in_service + retired), 0) from %s where year = ?"
                        .formatted(tables.districtEnrollment()),
                Long.class,
                year);
    }

    private static DistrictEnrollmentReport.Row row(
            String district, long gifted, long inService, long retired, long realName, long previous) {
        long total = gifted + inService + retired;
        return new DistrictEnrollmentReport.Row(
                district,
                gifted,
                inService,
                retired,
                total,
                realName,
                TargetCompletionQueries.rate(total, realName),
                previous,
                previous == 0 ? null : TargetCompletionQueries.rate(total - previous, previous));
    }
}
