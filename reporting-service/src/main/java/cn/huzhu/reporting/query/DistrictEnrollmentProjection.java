package cn.huzhu.reporting.query;

import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts enrolments per plan year (the year coverage starts) and district: gifted enrolments in their
 * own column, the others by member category; and real-name verified members by registration year.
 * A batch is deduplicated on event ids in one statement, so a redelivered event is counted once.
 * Must run inside a transaction.
 */
@Component
public class DistrictEnrollmentProjection {

    private final JdbcTemplate jdbc;

    public DistrictEnrollmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A decoded event with its id, or a record of a type this projection ignores. */
    public record Event(UUID eventId, SpecificRecord record) {
    }

    private record Cell(int year, String district) {
    }

    /** @return how many events were new (not seen before) */
    public int apply(List<Event> events, Target tables) {
        if (events.isEmpty()) {
            return 0;
        }
        List<Event> fresh = tables.fresh(jdbc, ProjectionTables.LIVE.processedEvent(), events);
        Map<Cell, int[]> enrolments = new LinkedHashMap<>();
        Map<Cell, Integer> realName = new LinkedHashMap<>();
        for (Event event : fresh) {
            if (event.record() instanceof MemberEnrolled enrolled) {
                int[] counts = enrolments.computeIfAbsent(new Cell(enrolled.getCoverageStart().getYear(), enrolled.getDistrict()), c -> new int[3]);
                counts[enrolled.getGifted() ? 0 : "RETIRED".equals(enrolled.getCategory()) ? 2 : 1]++;
            } else if (event.record() instanceof MemberRegistered registered && registered.getRealNameVerified()) {
                realName.merge(new Cell(registered.getRegisteredOn().getYear(), registered.getDistrict()), 1, Integer::sum);
            }
        }
        if (!enrolments.isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            enrolments.forEach((cell, c) -> rows.add(new Object[] {cell.year(), cell.district(), c[0], c[1], c[2]}));
            jdbc.batchUpdate("insert into " + tables.table(ProjectionTables.LIVE.districtEnrollment()) + " as t (year, district, gifted, in_service, retired) values (?, ?, ?, ?, ?)"
                    + " on conflict (year, district) do update set gifted = t.gifted + excluded.gifted,"
                    + " in_service = t.in_service + excluded.in_service, retired = t.retired + excluded.retired", rows);
        }
        if (!realName.isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            realName.forEach((cell, n) -> rows.add(new Object[] {cell.year(), cell.district(), n}));
            jdbc.batchUpdate("insert into " + tables.table(ProjectionTables.LIVE.realNameMembers()) + " as t (year, district, members) values (?, ?, ?)"
                    + " on conflict (year, district) do update set members = t.members + excluded.members", rows);
        }
        return fresh.size();
    }
}
