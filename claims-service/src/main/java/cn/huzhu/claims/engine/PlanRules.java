package cn.huzhu.claims.engine;

import java.util.List;
import java.util.Set;

/**
 * A plan version's benefit rules: the rules in order, the condolence day of its waiting period, how lines are
 * rounded, and the exclusions it names (for every claim, and also for critical illness).
 */
public record PlanRules(String planId, int version, int condolenceFromDays, Rounding rounding, List<BenefitRule> rules,
                        Set<String> exclusions, Set<String> criticalIllnessExclusions) {

    public PlanRules {
        rules = List.copyOf(rules);
        rounding = rounding == null ? Rounding.FEN_HALF_UP : rounding;
        exclusions = exclusions == null ? Set.of() : Set.copyOf(exclusions);
        criticalIllnessExclusions = criticalIllnessExclusions == null ? Set.of() : Set.copyOf(criticalIllnessExclusions);
    }

    /** Whether a rule of the plan pays once in a member's life (so later enrolments must know what was paid). */
    public boolean paysOncePerLifetime() {
        for (BenefitRule rule : rules) {
            if (rule instanceof BenefitRule.LumpSum lumpSum && lumpSum.once() == BenefitRule.Once.LIFETIME
                    || rule instanceof BenefitRule.DailyAllowance allowance && allowance.once() == BenefitRule.Once.LIFETIME) {
                return true;
            }
        }
        return false;
    }
}
