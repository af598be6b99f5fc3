package cn.huzhu.reporting.web;

import cn.huzhu.reporting.query.RenewalRateQueries;
import cn.huzhu.reporting.query.ReportAnswers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The renewal rate (续保率) of a plan year per unit, district or plan. */
@RestController
@RequestMapping("/api/reports")
public class RenewalRateController {

    private final RenewalRateQueries queries;
    private final ReportAnswers answers;

    public RenewalRateController(RenewalRateQueries queries, ReportAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    /** {@code year}: the year renewed into (last year's enrolments are the base); {@code by}: unit, district (default) or plan. */
    @GetMapping("/renewals")
    public RenewalRateQueries.Report renewals(
            @RequestParam int year,
            @RequestParam(defaultValue = "district") String by,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String planId) {
        int reportYear = ReportParameters.year(year);
        RenewalRateQueries.By level = RenewalRateQueries.By.parse(by);
        String inDistrict = ReportParameters.district(district);
        String plan = ReportParameters.optional(planId);
        return answers.answer(
                () -> queries.renewalRate(reportYear, level, inDistrict, plan),
                "renewals",
                reportYear,
                level,
                inDistrict,
                plan);
    }
}
