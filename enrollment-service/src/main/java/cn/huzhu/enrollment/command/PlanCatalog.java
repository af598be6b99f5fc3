package cn.huzhu.enrollment.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The plans on offer, each with its immutable versions. */
public interface PlanCatalog {

    /** The version of the plan that applies on the date, if the plan exists and had started by then. */
    Optional<PlanVersion> versionOn(String planId, LocalDate date);

    boolean exists(String planId);

    List<PlanVersion> allVersions();
}
