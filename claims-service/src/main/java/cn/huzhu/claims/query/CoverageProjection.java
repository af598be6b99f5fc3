package cn.huzhu.claims.query;

import cn.huzhu.claims.plans.PlanRulesReader;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.enrollment.PlanVersionPublished;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the plan definitions, the members and every member's coverage from the catalogue and enrolment records. Every
 * statement is idempotent, so a redelivered or replayed record changes nothing.
 */
@Component
public class CoverageProjection {

    private final JdbcTemplate jdbc;
    private final PlanDirectoryView plans;

    public CoverageProjection(JdbcTemplate jdbc, PlanDirectoryView plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /** @return whether the record is one this projection keeps */
    public boolean apply(SpecificRecord record) {
        if (record instanceof PlanVersionPublished plan) {
            // a definition the catalogue's schema refuses is dead-lettered, never kept
            PlanRulesReader.read(plan.getDefinitionJson());
            jdbc.update(
                    "insert into plan_definition (plan_id, version, valid_from, definition) values (?, ?, ?, ?) on conflict do nothing",
                    plan.getPlanId(),
                    plan.getVersion(),
                    plan.getValidFrom(),
                    plan.getDefinitionJson());
            plans.forget(plan.getPlanId());
            return true;
        }
        if (record instanceof MemberRegistered m) {
            jdbc.update(
                    "insert into member_directory (member_id, unit_id, district) values (?, ?, ?) on conflict do nothing",
                    m.getMemberId(),
                    m.getUnitId(),
                    m.getDistrict());
            return true;
        }
        if (record instanceof MemberEnrolled e) {
            jdbc.update(
                    """
                    insert into coverage_view (enrollment_id, member_id, unit_id, district, plan_id, plan_version, shares, coverage_start,
                                               coverage_end, waiting_period_end, continuous, premium_status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    e.getEnrollmentId(),
                    e.getMemberId(),
                    e.getUnitId(),
                    e.getDistrict(),
                    e.getPlanId(),
                    e.getPlanVersion(),
                    e.getShares(),
                    e.getCoverageStart(),
                    e.getCoverageEnd(),
                    e.getWaitingPeriodEnd(),
                    e.getContinuous(),
                    e.getPremiumStatus());
            return true;
        }
        if (record instanceof PremiumCollected c) {
            jdbc.update("""
                    update coverage_view set premium_status = 'COLLECTED', coverage_start = ?, coverage_end = ?, waiting_period_end = ?
                    where enrollment_id = ?""", c.getCoverageStart(), c.getCoverageEnd(), c.getWaitingPeriodEnd(), c.getEnrollmentId());
            return true;
        }
        return false;
    }
}
