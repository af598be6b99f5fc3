package cn.huzhu.plans;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What a unit's enrolment and payout ratio of an earlier year must be for it to earn something under a plan (a
 * renewal discount, a gift, a medical subsidy): both thresholds passed by the figures of {@code yearsBack} years before
 * the plan year; and, when {@code districts} or {@code natures} are given, the unit of one of those districts or of
 * one of those natures (Huzhou's gift: 吴兴区 and province-owned enterprises).
 */
public record UnitQualification(
        Threshold enrolled, Threshold payoutRatio, int yearsBack, Set<String> districts, Set<String> natures) {

    public UnitQualification {
        districts = districts == null ? Set.of() : Set.copyOf(districts);
        natures = natures == null ? Set.of() : Set.copyOf(natures);
    }

    public UnitQualification(Threshold enrolled, Threshold payoutRatio, int yearsBack) {
        this(enrolled, payoutRatio, yearsBack, Set.of(), Set.of());
    }

    /** Whether a unit of this district and nature is one the rule is for. */
    public boolean admitsUnit(String district, String nature) {
        return districts.isEmpty() && natures.isEmpty() || districts.contains(district) || natures.contains(nature);
    }

    public boolean admits(long enrolledMembers, BigDecimal ratio) {
        return ratio != null && enrolled.admits(enrolledMembers) && payoutRatio.admits(ratio);
    }

    @Override
    public String toString() {
        return (districts.isEmpty() && natures.isEmpty()
                        ? ""
                        : "a unit of " + new java.util.TreeSet<>(districts) + " or " + new java.util.TreeSet<>(natures)
                                + ", ")
                + "enrolled " + enrolled + " and a payout ratio " + payoutRatio + ", "
                + yearsBack + " year(s) before";
    }
}
