package cn.huzhu.reporting.query;

import java.util.List;

/** The district enrolment table of one year, with a totals row computed by the same rule as every row. */
public record DistrictEnrollmentReport(int year, List<Row> rows, Row totals) {

    /**
     * One district: enrolments by kind and their total (gifts included), the real-name members by the end of the year,
     * the enrolment rate (total ÷ real-name members, in % with two decimals; null without real-name members), last
     * year's total and the change against it (in % with two decimals; null when last year had none).
     */
    public record Row(
            String district,
            long giftedSpecialDisease,
            long inService,
            long retired,
            long total,
            long realNameMembers,
            String enrollmentRate,
            long previousYearTotal,
            String yearOnYear) {}
}
