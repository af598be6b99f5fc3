package cn.huzhu.reporting.web;

/** The parameters the report endpoints share, checked and normalised in one place. */
final class ReportParameters {

    private ReportParameters() {
    }

    /** A plan year a report may be asked for. */
    static int year(int year) {
        if (year < 1990 || year > 2200) {
            throw new IllegalArgumentException("year must be between 1990 and 2200");
        }
        return year;
    }

    /** An optional filter: null when absent or blank. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
