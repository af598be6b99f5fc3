package cn.huzhu.reporting.query;

import cn.huzhu.contracts.enrollment.EnrollmentTargetSet;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Units, targets and enrolments per unit and plan year, for the target completion table: an enrolment counts once it is in
 * force (at once when nobody owes its premium, else when it is collected), in the year its cover starts. Each event is
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
    public static final List<String> TABLES = List.of(
            "unit_directory",
            "enrollment_target",
            "unit_year_enrollment",
            "renewal_enrolment",
            "target_processed_event");

    public void apply(List<Event> events) {
        apply(events, Target.LIVE);
    }

    /** Applies to the live tables or a rebuild's; answers the events counted. */
    public int apply(List<Event> events, Target tables) {
        List<Event> relevant = events.stream()
                .filter(e -> e.record() instanceof UnitRegistered
                        || e.record() instanceof EnrollmentTargetSet
                        || e.record() instanceof MemberEnrolled
                        || e.record() instanceof PremiumCollected)
                .toList();
        List<Event> fresh = tables.fresh(jdbc, "target_processed_event", relevant);
        Map<UUID, Object[]> units = new LinkedHashMap<>();
        Map<String, EnrollmentTargetSet> targets = new LinkedHashMap<>();
        Map<List<Object>, Object[]> enrolled = new LinkedHashMap<>();
        List<Object[]> enrolments = new ArrayList<>();
        List<Object[]> collected = new ArrayList<>();
        for (Event event : fresh) {
            if (event.record() instanceof MemberEnrolled e) {
                enrolments.add(new Object[] {
                    e.getEnrollmentId(),
                    e.getMemberId(),
                    e.getUnitId(),
                    e.getDistrict(),
                    e.getPlanId(),
                    e.getCoverageStart(),
                    e.getCoverageEnd(),
                    DistrictEnrollmentProjection.inForce(e)
                });
            } else if (event.record() instanceof PremiumCollected c) {
                collected.add(new Object[] {c.getCoverageStart(), c.getCoverageEnd(), c.getEnrollmentId()});
            }
            if (event.record() instanceof UnitRegistered unit) {
                units.put(
                        unit.getUnitId(),
                        new Object[] {unit.getUnitId(), unit.getName(), unit.getDistrict(), unit.getNature()});
            } else if (event.record() instanceof EnrollmentTargetSet target) {
                // of one target's settings in a poll the latest stands (a tie: the later record), as one by one
                targets.merge(
                        target.getTargetId(),
                        target,
                        (before, after) -> after.getOccurredAt().isBefore(before.getOccurredAt()) ? before : after);
            } else if (event.record() instanceof MemberEnrolled e && DistrictEnrollmentProjection.inForce(e)) {
                count(enrolled, e.getCoverageStart().getYear(), e.getUnitId(), e.getPlanId(), e.getDistrict());
            } else if (event.record() instanceof PremiumCollected c) {
                count(enrolled, c.getCoverageStart().getYear(), c.getUnitId(), c.getPlanId(), c.getDistrict());
            }
        }
        if (!units.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + tables.table("unit_directory")
                            + " (unit_id, name, district, nature) values (?, ?, ?, ?)"
                            + " on conflict (unit_id) do update set name = excluded.name, district = excluded.district, nature = excluded.nature",
                    new ArrayList<>(units.values()));
        }
        if (!targets.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + tables.table("enrollment_target") + """
                     as t (target_id, scope, unit_id, district, year, plan_id, target, set_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (target_id) do update set target = excluded.target, set_at = excluded.set_at
                    where t.set_at <= excluded.set_at""",
                    targets.values().stream()
                            .map(t -> new Object[] {
                                t.getTargetId(),
                                t.getScope(),
                                t.getUnitId(),
                                t.getDistrict(),
                                t.getYear(),
                                t.getPlanId(),
                                t.getTarget(),
                                Timestamp.from(t.getOccurredAt())
                            })
                            .toList());
        }
        if (!enrolled.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into " + tables.table("unit_year_enrollment") + """
                     as e (year, unit_id, plan_id, district, enrolled) values (?, ?, ?, ?, ?)
                    on conflict (year, unit_id, plan_id) do update set enrolled = e.enrolled + excluded.enrolled""", new ArrayList<>(enrolled.values()));
        }
        if (!enrolments.isEmpty()) {
            jdbc.batchUpdate("insert into " + tables.table("renewal_enrolment") + """
                     (enrollment_id, member_id, unit_id, district, plan_id, coverage_start, coverage_end, paid)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (enrollment_id) do nothing""", enrolments);
        }
        if (!collected.isEmpty()) {
            // after the inserts: an enrolment and its collection may come in one poll
            jdbc.batchUpdate(
                    "update " + tables.table("renewal_enrolment")
                            + " set paid = true, coverage_start = ?, coverage_end = ? where enrollment_id = ?",
                    collected);
        }
        return fresh.size();
    }

    /** An enrolment completed (in force: its premium collected or owed by nobody) in the year its cover starts. */
    private static void count(
            Map<List<Object>, Object[]> enrolled, int year, UUID unitId, String planId, String district) {
        enrolled.merge(
                List.of(year, unitId, planId), new Object[] {year, unitId, planId, district, 1}, (before, after) -> {
                    before[4] = (Integer) before[4] + 1;
                    return before;
                });
    }
}
