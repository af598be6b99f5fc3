package cn.huzhu.reporting.query;

import java.util.List;

/**
 * Target completion of a plan year: one row per unit with a target, an "other" row for enrolments of
 * units without one, totals, and the district targets. Rates are percentages with two decimals ("78.36"),
 * null where the target is 0.
 */
public record TargetCompletionReport(
        int year, String district, List<Row> units, Row other, Row totals, List<Row> districts) {

    public record Row(
            String name,
            String unitId,
            String district,
            String planId,
            Long target,
            long completed,
            String completionRate,
            Long nextYearTarget) {}
}
