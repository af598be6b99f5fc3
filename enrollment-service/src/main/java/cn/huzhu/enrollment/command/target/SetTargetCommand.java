package cn.huzhu.enrollment.command.target;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the enrolment target (任务数) of a unit or a district for a plan year, optionally for one plan. */
public record SetTargetCommand(
        @TargetAggregateIdentifier String targetId,
        TargetScope scope,
        String unitId,
        String district,
        int year,
        String planId,
        int target) {
    public SetTargetCommand {
        Objects.requireNonNull(scope, "scope");
        if (scope == TargetScope.UNIT && (unitId == null || unitId.isBlank())) {
            throw new IllegalArgumentException("a UNIT target needs unitId");
        }
        if (scope == TargetScope.DISTRICT && (district == null || district.isBlank())) {
            throw new IllegalArgumentException("a DISTRICT target needs district");
        }
        if (target < 0) {
            throw new IllegalArgumentException("target cannot be negative");
        }
        targetId = idOf(scope, unitId, district, year, planId);
    }

    /** One target per scope, unit or district, year and plan: setting it again replaces the number. */
    public static String idOf(TargetScope scope, String unitId, String district, int year, String planId) {
        String who = scope == TargetScope.UNIT ? unitId : district.strip();
        return scope + ":" + who + ":" + year + ":" + (planId == null || planId.isBlank() ? "*" : planId);
    }
}
