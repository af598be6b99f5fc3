package cn.huzhu.reporting.web;

import cn.huzhu.reporting.query.DistrictEnrollmentQueries;
import cn.huzhu.reporting.query.DistrictEnrollmentReport;
import cn.huzhu.reporting.query.ProjectionTables;
import cn.huzhu.reporting.query.ReportAnswers;
import cn.huzhu.vocabulary.BusinessZone;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final DistrictEnrollmentQueries queries;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final ReportAnswers answers;

    public ReportController(
            DistrictEnrollmentQueries queries, org.springframework.jdbc.core.JdbcTemplate jdbc, ReportAnswers answers) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.answers = answers;
    }

    /** The plan years any report has figures for (enrolments, targets, payout ratios, claims), latest first. */
    @GetMapping("/years")
    public java.util.List<Integer> years() {
        return answers.answer(
                () -> jdbc.queryForList(
                        "select year from district_enrollment union select year from enrollment_target"
                                + " union select year from ratio_summary union select year from claim_cube order by 1 desc",
                        Integer.class),
                "years");
    }

    /** The district enrolment table of a plan year (the current year in Shanghai when none is given). */
    @GetMapping("/district-enrollment")
    public DistrictEnrollmentReport districtEnrollment(@RequestParam(required = false) Integer year) {
        int reportYear = ReportParameters.year(
                year == null ? LocalDate.now(BusinessZone.ZONE).getYear() : year);
        return answers.answer(
                () -> queries.districtEnrollment(reportYear, ProjectionTables.LIVE), "district-enrollment", reportYear);
    }
}
