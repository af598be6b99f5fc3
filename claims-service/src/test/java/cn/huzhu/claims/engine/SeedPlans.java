package cn.huzhu.claims.engine;

import cn.huzhu.claims.plans.PlanRulesReader;
import cn.huzhu.plans.PlanDefinition;

/** The seed plans as the catalogue defines them (module plan-catalogue, the newest version of each). */
public final class SeedPlans {

    private SeedPlans() {}

    public static PlanRules plan(String planId) {
        int newest = PlanDefinition.newestVersion(planId);
        if (newest == 0) {
            throw new IllegalArgumentException("The catalogue has no plan " + planId);
        }
        return PlanRulesReader.read(PlanDefinition.file(planId, newest).orElseThrow());
    }
}
