package cn.huzhu.claims.engine;

import java.util.List;
import java.util.Set;

/**
 * A plan version's benefit rules: the rules in order, the condolence day of its waiting period, how lines are
 * rounded, and the exclusions it names (for every claim; a critical-illness claim by its own list where the plan has one).
 */
public record PlanRules(
        String planId,
        int version,
        int condolenceFromDays,
        Rounding rounding,
        List<BenefitRule> rules,
        Set<String> exclusions,
        Set<String> criticalIllnessExclusions) {

    public PlanRules {
        rules = List.copyOf(rules);
        rounding = rounding == null ? Rounding.FEN_HALF_UP : rounding;
        exclusions = exclusions == null ? Set.of() : Set.copyOf(exclusions);
        criticalIllnessExclusions =
                criticalIllnessExclusions == null ? Set.of() : Set.copyOf(criticalIllnessExclusions);
    }

    /**
     * Whether the plan keeps something for the member's life: a payment made once in a life, or a first diagnosis (every
     * lump sum), so later enrolments must know of it.
     */
    public boolean paysOncePerLifetime() {
        for (BenefitRule rule : rules) {
            // Every lump sum pays on a first diagnosis only, which the member's later enrolments must know of too.
            if (rule instanceof BenefitRule.LumpSum
                    || rule instanceof BenefitRule.DailyAllowance allowance
                            && allowance.once() == BenefitRule.Once.LIFETIME) {
                return true;
            }
        }
        return false;
    }
}
