package cn.huzhu.reporting.query;

import java.util.List;

/** The district enrolment table of one year, with a totals row computed by the same rule as every row. */
public record DistrictEnrollmentReport(int year, List<Row> rows, Row totals) {

    public record Row(String district, long giftedSpecialDisease, long inService, long retired, long total, long realNameMembers) {
    }
}
