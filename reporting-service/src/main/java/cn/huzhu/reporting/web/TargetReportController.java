package cn.huzhu.reporting.web;

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

    public TargetReportController(TargetCompletionQueries queries) {
        this.queries = queries;
    }

    /** Target completion of a plan year, for one district or all. */
    @GetMapping("/targets")
    public TargetCompletionReport targets(@RequestParam int year, @RequestParam(required = false) String district) {
        return queries.targetCompletion(ReportParameters.year(year), ReportParameters.district(district));
    }
}
