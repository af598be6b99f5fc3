package cn.huzhu.reporting.web;

import cn.huzhu.reporting.export.ExportTable;
import cn.huzhu.reporting.export.ExportTable.Format;
import cn.huzhu.reporting.query.DistrictEnrollmentQueries;
import cn.huzhu.reporting.query.DistrictEnrollmentReport;
import cn.huzhu.reporting.query.PayoutRatioQueries;
import cn.huzhu.reporting.query.PayoutRatioQueries.By;
import cn.huzhu.reporting.query.ProjectionTables;
import cn.huzhu.reporting.query.TargetCompletionQueries;
import cn.huzhu.reporting.query.TargetCompletionReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every report table as .xlsx or .csv ({@code format}), with the Chinese column headers of the unions' attachments. */
@RestController
@RequestMapping("/api/reports")
public class ExportController {

    private final DistrictEnrollmentQueries districts;
    private final TargetCompletionQueries targets;
    private final PayoutRatioQueries ratios;

    public ExportController(DistrictEnrollmentQueries districts, TargetCompletionQueries targets, PayoutRatioQueries ratios) {
        this.districts = districts;
        this.targets = targets;
        this.ratios = ratios;
    }

    @GetMapping("/district-enrollment/export")
    public ResponseEntity<byte[]> districtEnrollment(@RequestParam int year, @RequestParam(defaultValue = "xlsx") String format) {
        return file(year + "年度各系统职工医疗互助保障参保情况", Format.of(format), districtEnrollment(ReportParameters.year(year)));
    }

    @GetMapping("/targets/export")
    public ResponseEntity<byte[]> targets(@RequestParam int year, @RequestParam(required = false) String district,
                                          @RequestParam(defaultValue = "xlsx") String format) {
        return file((year + 1) + "年互助保障目标任务清单", Format.of(format),
                targets(ReportParameters.year(year), ReportParameters.optional(district)));
    }

    @GetMapping("/payout-ratios/export")
    public ResponseEntity<byte[]> payoutRatios(@RequestParam int year, @RequestParam(defaultValue = "district") String by,
                                               @RequestParam(required = false) String district, @RequestParam(required = false) String planId,
                                               @RequestParam(defaultValue = "xlsx") String format) {
        return file(year + "年度互助保障给付率", Format.of(format), payoutRatios(ReportParameters.year(year), By.parse(by), district, planId));
    }

    /** The district table: the attachment's columns, then the enrolment rate and the change against last year. */
    public ExportTable districtEnrollment(int year) {
        DistrictEnrollmentReport report = districts.districtEnrollment(year, ProjectionTables.LIVE);
        List<List<Object>> rows = new ArrayList<>();
        report.rows().forEach(r -> rows.add(districtRow(r)));
        rows.add(districtRow(report.totals()));
        return new ExportTable(year + "年度参保情况",
                List.of("系统", "特病赠送", "在职职工", "退休职工", "参保总人次数", "实名会员人数", "参保率%", "上年参保总人次数", "同比增长%"), rows);
    }

    /** The target list: units with a target, then the other units and the totals. */
    public ExportTable targets(int year, String district) {
        TargetCompletionReport report = targets.targetCompletion(year, district);
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (TargetCompletionReport.Row r : report.units()) {
            rows.add(Arrays.asList(n++, r.name(), r.target(), r.completed(), r.completionRate(), r.nextYearTarget()));
        }
        rows.add(Arrays.asList(null, report.other().name(), null, report.other().completed(), null, null));
        rows.add(Arrays.asList(null, report.totals().name(), report.totals().target(), report.totals().completed(), report.totals().completionRate(),
                report.totals().nextYearTarget()));
        return new ExportTable(year + "年目标任务",
                List.of("序号", "所属单位", year + "年任务数", year + "年完成数", "完成率%", (year + 1) + "年计划任务数"), rows);
    }

    /** Payout ratios of a plan year by unit, district, plan or unit and plan; the ratio in % with two decimals. */
    public ExportTable payoutRatios(int year, By by, String district, String planId) {
        List<String> headers = new ArrayList<>(switch (by) {
            case UNIT -> List.of("单位", "区县");
            case DISTRICT -> List.of("区县");
            case PLAN -> List.of("险种");
            case UNIT_PLAN -> List.of("单位", "区县", "险种");
        });
        headers.addAll(List.of("参保人数", "保费收入（元）", "给付金额（元）", "给付率%"));
        List<List<Object>> rows = new ArrayList<>();
        for (PayoutRatioQueries.Row r : ratios.ratios(year, by, ReportParameters.optional(district), ReportParameters.optional(planId))) {
            String unit = r.unitName() == null ? String.valueOf(r.unitId()) : r.unitName();
            List<Object> row = new ArrayList<>(switch (by) {
                case UNIT -> Arrays.<Object>asList(unit, r.district());
                case DISTRICT -> Arrays.<Object>asList(r.district());
                case PLAN -> Arrays.<Object>asList(r.planId());
                case UNIT_PLAN -> Arrays.<Object>asList(unit, r.district(), r.planId());
            });
            row.addAll(Arrays.asList(r.enrolled(), r.premiums(), r.benefits(),
                    r.ratio() == null ? null : r.ratio().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString()));
            rows.add(row);
        }
        return new ExportTable(year + "年度给付率", headers, rows);
    }

    private static List<Object> districtRow(DistrictEnrollmentReport.Row r) {
        return Arrays.asList(r.district(), r.giftedSpecialDisease(), r.inService(), r.retired(), r.total(), r.realNameMembers(), r.enrollmentRate(),
                r.previousYearTotal(), r.yearOnYear());
    }

    private static ResponseEntity<byte[]> file(String name, Format format, ExportTable table) {
        String filename = name + "." + format.extension;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report." + format.extension + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"))
                .contentType(MediaType.parseMediaType(format.contentType))
                .body(table.write(format));
    }
}
