package cn.huzhu.claims.engine;

import java.time.LocalDate;

/**
 * One enrolment of the member as the engine needs it: shares, the covered period, the end of the waiting
 * period (equal to the start for a continuous renewal) and whether it renews an earlier one without a gap.
 */
public record Coverage(
        String enrollmentId,
        String planId,
        int planVersion,
        int shares,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        LocalDate waitingPeriodEnd,
        boolean continuous) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(coverageStart) && !date.isAfter(coverageEnd);
    }
}
