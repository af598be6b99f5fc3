package cn.huzhu.plans;

import java.math.BigDecimal;

/**
 * What a unit's enrolment and payout ratio of an earlier year must be for it to earn something under a plan (a
 * renewal discount, a gift, a medical subsidy): both thresholds passed by the figures of {@code yearsBack} years before
 * the plan year.
 */
public record UnitQualification(Threshold enrolled, Threshold payoutRatio, int yearsBack) {

    public boolean admits(long enrolledMembers, BigDecimal ratio) {
        return ratio != null && enrolled.admits(enrolledMembers) && payoutRatio.admits(ratio);
    }

    @Override
    public String toString() {
        return "enrolled " + enrolled + " and a payout ratio " + payoutRatio + ", " + yearsBack + " year(s) before";
    }
}
