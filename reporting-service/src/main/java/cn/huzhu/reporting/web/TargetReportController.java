package cn.huzhu.reporting.web;

import cn.huzhu.reporting.query.ReportAnswers;
import cn.huzhu.reporting.query.TargetCompletionQueries;
import cn.huzhu.reporting.query.TargetCompletionReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
public class TargetReportController {

    private final TargetCompletionQueries queries;
    private final ReportAnswers answers;

    public TargetReportController(TargetCompletionQueries queries, ReportAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    /** Target completion of a plan year, for one district or all. */
    @GetMapping("/targets")
    public TargetCompletionReport targets(@RequestParam int year, @RequestParam(required = false) String district) {
        int reportYear = ReportParameters.year(year);
        String inDistrict = ReportParameters.district(district);
        return answers.answer(
                () -> queries.targetCompletion(reportYear, inDistrict), "targets", reportYear, inDistrict);
    }
}
