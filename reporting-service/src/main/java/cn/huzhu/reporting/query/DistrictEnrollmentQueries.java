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
        List<DistrictEnrollmentReport.Row> rows = jdbc.query("""
                with enrolled as (select district, gifted, in_service, retired from %s where year = ?),
                     verified as (select district, sum(members) as members from %s where year <= ? group by district)
                select coalesce(e.district, v.district) as district,
                       coalesce(e.gifted, 0) as gifted, coalesce(e.in_service, 0) as in_service, coalesce(e.retired, 0) as retired,
                       coalesce(v.members, 0) as real_name
                from enrolled e full outer join verified v on v.district = e.district
                order by 1""".formatted(tables.districtEnrollment(), tables.realNameMembers()),
                (rs, i) -> row(rs.getString("district"), rs.getLong("gifted"), rs.getLong("in_service"), rs.getLong("retired"),
                        rs.getLong("real_name")), year, year);
        DistrictEnrollmentReport.Row totals = row("合计",
                rows.stream().mapToLong(DistrictEnrollmentReport.Row::giftedSpecialDisease).sum(),
                rows.stream().mapToLong(DistrictEnrollmentReport.Row::inService).sum(),
                rows.stream().mapToLong(DistrictEnrollmentReport.Row::retired).sum(),
                rows.stream().mapToLong(DistrictEnrollmentReport.Row::realNameMembers).sum());
        return new DistrictEnrollmentReport(year, rows, totals);
    }

    private static DistrictEnrollmentReport.Row row(String district, long gifted, long inService, long retired, long realName) {
        return new DistrictEnrollmentReport.Row(district, gifted, inService, retired, gifted + inService + retired, realName);
    }
}
