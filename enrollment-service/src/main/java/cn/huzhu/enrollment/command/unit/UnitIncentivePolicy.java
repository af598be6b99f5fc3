package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.plans.PlanThresholds;
import cn.huzhu.plans.UnitQualification;
import cn.huzhu.vocabulary.Payer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a unit's terms for a plan year from the plan's unit incentives (pure). Jiangshan 2020: units with at
 * least 100 enrolled in 2018 and a 2018 payout ratio below 50 % renew at 40 instead of 50; non-public
 * enterprises get 7/12/13/15 per enrolled person for 1–99/100–299/300–499/500+ enrolled, stacking with the
 * discount.
 */
public final class UnitIncentivePolicy {

    private UnitIncentivePolicy() {}

    /** A unit's enrolment and payout ratio in one year, as imported (until claims are paid on the platform). */
    public record PayoutRecord(int year, int enrolled, BigDecimal payoutRatio) {}

    /**
     * @param history       the unit's payout record of a year, if one was imported
     * @param enrolledAfter how many of the unit's members will hold the plan in the year, this roster included
     */
    public static UnitTerms terms(
            PlanVersion plan,
            UnitDirectory.UnitFacts unit,
            int planYear,
            java.util.function.IntFunction<Optional<PayoutRecord>> history,
            int enrolledAfter) {
        PlanVersion.UnitIncentives incentives = plan.unitIncentives();
        if (incentives == null) {
            return UnitTerms.NONE;
        }
        List<String> applied = new ArrayList<>();
        BigDecimal premium = null;
        PlanVersion.RenewalDiscount discount = incentives.renewalDiscount();
        Optional<UnitQualification> qualifying =
                PlanThresholds.of(plan.definitionJson(), PlanThresholds.Kind.RENEWAL_DISCOUNT);
        if (discount != null && qualifying.isPresent()) {
            UnitQualification rule = qualifying.get();
            int year = planYear - rule.yearsBack();
            Optional<PayoutRecord> record = history.apply(year);
            if (record.isPresent()
                    && rule.admits(record.get().enrolled(), record.get().payoutRatio())) {
                premium = discount.premiumPerShare();
                applied.add("RENEWAL_DISCOUNT: " + record.get().enrolled() + " enrolled in " + year + ", payout ratio "
                        + record.get().payoutRatio().toPlainString() + " (" + rule + ") → "
                        + discount.premiumPerShare().toPlainString()
                        + " per share");
            }
        }
        BigDecimal subsidy = BigDecimal.ZERO;
        Payer payer = null;
        PlanVersion.Subsidy rule = incentives.subsidy();
        if (rule != null && rule.natures().contains(unit.nature())) {
            subsidy = rule.perPerson(enrolledAfter);
            if (subsidy.signum() > 0) {
                payer = rule.payer();
                applied.add("SUBSIDY: " + unit.nature() + " unit with " + enrolledAfter + " enrolled → "
                        + subsidy.toPlainString() + " per person paid by " + payer);
            }
        }
        return new UnitTerms(premium, subsidy, payer, applied);
    }
}
