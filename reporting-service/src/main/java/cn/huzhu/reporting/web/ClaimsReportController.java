package cn.huzhu.reporting.web;

import cn.huzhu.reporting.query.ClaimsActivityQueries;
import cn.huzhu.reporting.query.ClaimsActivityQueries.Dimension;
import cn.huzhu.reporting.query.ClaimsActivityQueries.Filter;
import cn.huzhu.reporting.query.ClaimsActivityQueries.Row;
import cn.huzhu.reporting.query.ReportAnswers;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Claims of a year by plan, type, district and month: counts, amounts, approval rate and days to payment. */
@RestController
@RequestMapping("/api/reports")
public class ClaimsReportController {

    /** The claim types, as the unions' tables name them. */
    static final java.util.Map<String, String> TYPE_LABELS =
            java.util.Map.of("HOSPITALIZATION", "住院", "CRITICAL_ILLNESS", "重大疾病", "WORK_INJURY", "工伤", "DEATH", "身故");

    static final Set<String> TYPES = TYPE_LABELS.keySet();

    private final ClaimsActivityQueries queries;
    private final ReportAnswers answers;

    public ClaimsReportController(ClaimsActivityQueries queries, ReportAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    /** {@code by}: comma-separated plan, type, district, month (default all four); filters optional. */
    @GetMapping("/claims")
    public List<Row> claims(
            @RequestParam int year,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String planId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String district) {
        int reportYear = ReportParameters.year(year);
        Set<Dimension> dimensions = Dimension.parse(by);
        Filter filter = filter(planId, type, ReportParameters.district(district));
        return answers.answer(
                () -> queries.claims(reportYear, dimensions, filter), "claims", reportYear, dimensions, filter);
    }

    static Filter filter(String planId, String type, String district) {
        String t = ReportParameters.optional(type);
        if (t != null && !TYPES.contains(t)) {
            throw new IllegalArgumentException("type must be one of " + new java.util.TreeSet<>(TYPES) + ", not " + t);
        }
        return new Filter(ReportParameters.optional(planId), t, ReportParameters.optional(district));
    }
}
