package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.PlanRules;
import java.time.LocalDate;
import java.util.Optional;

/** The benefit rules of the plan version in force on the date of the insured event (not the filing date). */
public interface PlanDirectory {

    Optional<PlanRules> rulesOn(String planId, LocalDate date);
}
