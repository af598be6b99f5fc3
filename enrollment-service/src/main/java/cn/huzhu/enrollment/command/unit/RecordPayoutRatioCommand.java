package cn.huzhu.enrollment.command.unit;

import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a unit's enrolment and payout ratio (benefits paid ÷ premiums collected) of a year, imported from the
 * union's own figures until the platform's claims and payouts produce them: of one plan ({@code planId}, which may be
 * a plan the platform does not run, such as Huzhou's hospitalisation plan) or, without one, of the unit's whole
 * scheme. Recording it again with other figures corrects it.
 */
public record RecordPayoutRatioCommand(
        @TargetAggregateIdentifier UnitId unitId,
        int year,
        int enrolled,
        BigDecimal payoutRatio,
        String source,
        PlanId planId) {
    public RecordPayoutRatioCommand {
        Objects.requireNonNull(unitId, "unitId");
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year must be between 2000 and 2100");
        }
        if (enrolled < 0) {
            throw new IllegalArgumentException("enrolled must not be negative");
        }
        if (payoutRatio == null || payoutRatio.signum() < 0 || payoutRatio.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("payoutRatio is a fraction (0.43 for 43 %) between 0 and 10");
        }
        payoutRatio = payoutRatio.stripTrailingZeros();
        planId = planId == null ? null : new PlanId(planId.value().strip());
    }
}
