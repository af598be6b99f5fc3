package cn.huzhu.enrollment.command.province;

import java.math.BigDecimal;

/**
 * The province's money as enrolment sees it: whether a unit pays its union dues in full (足额上缴工会经费, from the
 * union's registers), and the city quotas its part is taken from.
 */
public interface ProvinceFunds {

    /** Whether the unit pays its union dues in full, as a district officer or the scheme administrator recorded it. */
    boolean unitPaysDuesInFull(String unitId);

    /**
     * Takes one place of the district's quota of the group for the enrolment, in the caller's unit of work (it is
     * recorded with the enrolment or not at all). False when the quota is spent or none was set.
     */
    boolean take(
            String planId,
            int year,
            String district,
            ProvinceGroup group,
            String enrollmentId,
            String memberId,
            BigDecimal amount);
}
