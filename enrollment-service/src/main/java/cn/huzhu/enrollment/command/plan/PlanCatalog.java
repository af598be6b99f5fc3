package cn.huzhu.enrollment.command.plan;

import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The plans on offer, each with its immutable versions. */
public interface PlanCatalog {

    /** The version of the plan that applies on the date, if the plan exists and had started by then. */
    Optional<PlanVersion> versionOn(String planId, LocalDate date);

    boolean exists(String planId);

    List<PlanVersion> allVersions();

    /** The version of the plan in force on the date; refused when there is no such plan or it had not started. */
    default PlanVersion inForceOn(String planId, LocalDate date) {
        if (!exists(planId)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.UNKNOWN_PLAN, "planId", "There is no plan " + planId);
        }
        return versionOn(planId, date)
                .orElseThrow(() -> new EnrollmentRefusedException(
                        EnrollmentRefusal.PLAN_NOT_IN_FORCE,
                        "effectiveDate",
                        "Plan " + planId + " was not yet in force on " + date));
    }
}
