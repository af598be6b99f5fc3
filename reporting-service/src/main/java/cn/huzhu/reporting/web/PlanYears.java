package cn.huzhu.reporting.web;

/** The plan years a report may be asked for. */
final class PlanYears {

    private PlanYears() {
    }

    static int check(int year) {
        if (year < 1990 || year > 2200) {
            throw new IllegalArgumentException("year must be between 1990 and 2200");
        }
        return year;
    }
}
