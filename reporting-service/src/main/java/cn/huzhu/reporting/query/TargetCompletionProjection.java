package cn.huzhu.reporting.query;

import cn.huzhu.contracts.enrollment.EnrollmentTargetSet;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Units, targets and enrolments per unit and plan year, for the target completion table. Each event is
 * applied once (its id is recorded in {@code target_processed_event} in the same transaction); a target
 * set again replaces the earlier number unless the stored one was set later. Must run inside a transaction.
 */
@Component
public class TargetCompletionProjection {

    private final JdbcTemplate jdbc;

    public TargetCompletionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The projection's tables, live (a rebuild fills the same names with a suffix and swaps them in). */
    public static final List<String> TABLES = List.of("unit_directory", "enrollment_target", "unit_year_enrollment", "target_processed_event");

    public void apply(List<Event> events) {
        apply(events, "");
    }

    /** Applies to the tables named with {@code suffix} (empty: the live ones); answers the events counted. */
    public int apply(List<Event> events, String suffix) {
        int counted = 0;
        for (Event event : events) {
            if (jdbc.update("insert into target_processed_event" + suffix + " (event_id) values (?) on conflict do nothing", event.eventId()) == 0) {
                continue;
            }
            counted++;
            if (event.record() instanceof UnitRegistered unit) {
                jdbc.update("insert into unit_directory" + suffix + " (unit_id, name, district) values (?, ?, ?) on conflict (unit_id) do update"
                        + " set name = excluded.name, district = excluded.district", unit.getUnitId(), unit.getName(), unit.getDistrict());
            } else if (event.record() instanceof EnrollmentTargetSet target) {
                jdbc.update("insert into enrollment_target" + suffix + """
                         as t (target_id, scope, unit_id, district, year, plan_id, target, set_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (target_id) do update set target = excluded.target, set_at = excluded.set_at
                        where t.set_at <= excluded.set_at""",
                        target.getTargetId(), target.getScope(), target.getUnitId(), target.getDistrict(), target.getYear(),
                        target.getPlanId(), target.getTarget(), Timestamp.from(target.getOccurredAt()));
            } else if (event.record() instanceof MemberEnrolled enrolled) {
                jdbc.update("insert into unit_year_enrollment" + suffix + """
                         as e (year, unit_id, plan_id, district, enrolled) values (?, ?, ?, ?, 1)
                        on conflict (year, unit_id, plan_id) do update set enrolled = e.enrolled + 1""",
                        enrolled.getCoverageStart().getYear(), enrolled.getUnitId(), enrolled.getPlanId(), enrolled.getDistrict());
            }
        }
        return counted;
    }
}
