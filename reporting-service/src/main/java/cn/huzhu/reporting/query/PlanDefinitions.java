package cn.huzhu.reporting.query;

import cn.huzhu.contracts.enrollment.PlanVersionPublished;
import cn.huzhu.plans.PlanThresholds;
import cn.huzhu.plans.UnitQualification;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The plan versions published by the catalogue, kept as they came (a version never changes, so a redelivered one is
 * stored once), and the unit thresholds of a plan's newest version, read by {@link PlanThresholds} as enrolment reads them.
 */
@Component
public class PlanDefinitions {

    private final JdbcTemplate jdbc;

    public PlanDefinitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(List<Event> events) {
        List<Object[]> rows = new ArrayList<>();
        for (Event event : events) {
            if (event.record() instanceof PlanVersionPublished p) {
                rows.add(new Object[] {p.getPlanId(), p.getVersion(), p.getValidFrom(), p.getDefinitionJson()});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into plan_definition (plan_id, version, valid_from, definition) values (?, ?, ?, ?) on conflict do nothing",
                    rows);
        }
    }

    /** What a unit's figures must be to earn {@code kind} under the plan's newest version (the rules it now decides by); empty if none. */
    public Optional<UnitQualification> qualification(String planId, PlanThresholds.Kind kind) {
        return jdbc
                .query(
                        "select definition from plan_definition where plan_id = ? order by version desc limit 1",
                        (rs, i) -> rs.getString(1),
                        planId)
                .stream()
                .findFirst()
                .flatMap(definition -> PlanThresholds.of(definition, kind));
    }

    public boolean known(String planId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from plan_definition where plan_id = ?)", Boolean.class, planId));
    }
}
