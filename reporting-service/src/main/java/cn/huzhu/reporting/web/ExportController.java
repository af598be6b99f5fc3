package cn.huzhu.reporting.web;

import cn.huzhu.reporting.export.ExportTable;
import cn.huzhu.reporting.export.ExportTable.Format;
import cn.huzhu.reporting.query.ClaimsActivityQueries;
import cn.huzhu.reporting.query.ClaimsActivityQueries.Dimension;
import cn.huzhu.reporting.query.DistrictEnrollmentQueries;
import cn.huzhu.reporting.query.DistrictEnrollmentReport;
import cn.huzhu.reporting.query.PayoutRatioQueries;
import cn.huzhu.reporting.query.PayoutRatioQueries.By;
import cn.huzhu.reporting.query.ProjectionTables;
import cn.huzhu.reporting.query.RenewalRateQueries;
import cn.huzhu.reporting.query.TargetCompletionQueries;
import cn.huzhu.reporting.query.TargetCompletionReport;
import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.Payer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final ClaimsActivityQueries claims;
    private final RenewalRateQueries renewals;

    public ExportController(
            DistrictEnrollmentQueries districts,
            TargetCompletionQueries targets,
            PayoutRatioQueries ratios,
            ClaimsActivityQueries claims,
            RenewalRateQueries renewals) {
        this.districts = districts;
        this.targets = targets;
        this.ratios = ratios;
        this.claims = claims;
        this.renewals = renewals;
    }

    /** Who paid premiums, as the fund tables name them. */
    static final Map<Payer, String> PAYER_LABELS = new EnumMap<>(
            Map.of(Payer.MEMBER, "个人缴费", Payer.UNIT, "单位缴费", Payer.UNION, "工会补助（含赠送）", Payer.PROVINCE, "省总工会补助"));

    @GetMapping("/district-enrollment/export")
    public ResponseEntity<byte[]> districtEnrollment(
            @RequestParam int year, @RequestParam(defaultValue = "xlsx") String format) {
        return file(year + "年度各系统职工医疗互助保障参保情况", Format.of(format), districtEnrollment(ReportParameters.year(year)));
    }

    @GetMapping("/targets/export")
    public ResponseEntity<byte[]> targets(
            @RequestParam int year,
            @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "xlsx") String format) {
        return file(
                (year + 1) + "年互助保障目标任务清单",
                Format.of(format),
                targets(ReportParameters.year(year), ReportParameters.district(district)));
    }

    @GetMapping("/payout-ratios/export")
    public ResponseEntity<byte[]> payoutRatios(
            @RequestParam int year,
            @RequestParam(defaultValue = "district") String by,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String planId,
            @RequestParam(defaultValue = "xlsx") String format) {
        return file(
                year + "年度互助保障给付率",
                Format.of(format),
                payoutRatios(ReportParameters.year(year), By.parse(by), ReportParameters.district(district), planId));
    }

    @GetMapping("/claims/export")
    public ResponseEntity<byte[]> claims(
            @RequestParam int year,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String planId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String district,
            @RequestParam(defaultValue = "xlsx") String format) {
        return file(
                year + "年度互助保障理赔情况",
                Format.of(format),
                claims(
                        ReportParameters.year(year),
                        Dimension.parse(by),
                        ClaimsReportController.filter(planId, type, ReportParameters.district(district))));
    }

    @GetMapping("/fund-position/export")
    public ResponseEntity<byte[]> fundPosition(
            @RequestParam int year,
            @RequestParam(required = false) String planId,
            @RequestParam(defaultValue = "xlsx") String format) {
        return file(
                year + "年度互助保障资金收支情况",
                Format.of(format),
                fundPosition(ReportParameters.year(year), ReportParameters.optional(planId)));
    }

    @GetMapping("/renewals/export")
    public ResponseEntity<byte[]> renewals(
            @RequestParam int year,
            @RequestParam(defaultValue = "district") String by,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String planId,
            @RequestParam(defaultValue = "xlsx") String format) {
        return file(
                year + "年度互助保障续保率",
                Format.of(format),
                renewals(
                        ReportParameters.year(year),
                        RenewalRateQueries.By.parse(by),
                        ReportParameters.district(district),
                        ReportParameters.optional(planId)));
    }

    /** The renewal rate: one row per unit, district or plan, then the total. */
    public ExportTable renewals(int year, RenewalRateQueries.By by, String district, String planId) {
        RenewalRateQueries.Report report = renewals.renewalRate(year, by, district, planId);
        String what = switch (by) {
            case UNIT -> "单位";
            case DISTRICT -> "系统";
            case PLAN -> "险种";
        };
        List<List<Object>> rows = new ArrayList<>();
        for (RenewalRateQueries.Row r : report.rows()) {
            rows.add(Arrays.asList(r.name(), r.district(), r.enrolled(), r.renewed(), r.rate()));
        }
        RenewalRateQueries.Row total = report.total();
        rows.add(Arrays.asList(total.name(), total.district(), total.enrolled(), total.renewed(), total.rate()));
        return new ExportTable(year + "年度续保率", List.of(what, "区县", (year - 1) + "年度参保人次", "续保人次", "续保率%"), rows);
    }

    /** Claims by the dimensions asked for (in the order plan, type, district, month), then the figures. */
    public ExportTable claims(int year, Set<Dimension> by, ClaimsActivityQueries.Filter filter) {
        List<String> headers = new ArrayList<>();
        Map<Dimension, String> names =
                Map.of(Dimension.PLAN, "险种", Dimension.TYPE, "类别", Dimension.DISTRICT, "区县", Dimension.MONTH, "申请月份");
        for (Dimension d : Dimension.values()) {
            if (by.contains(d)) {
                headers.add(names.get(d));
            }
        }
        headers.addAll(List.of("申请件数", "给付件数", "拒付件数", "撤销件数", "给付金额（元）", "给付件数占比%", "已到账件数", "平均到账天数"));
        List<List<Object>> rows = new ArrayList<>();
        for (ClaimsActivityQueries.Row r : claims.claims(year, by, filter)) {
            List<Object> row = new ArrayList<>();
            if (by.contains(Dimension.PLAN)) {
                row.add(r.planId() == null ? "（未给付）" : r.planId());
            }
            if (by.contains(Dimension.TYPE)) {
                row.add(ClaimsReportController.TYPE_LABELS.getOrDefault(r.type(), r.type()));
            }
            if (by.contains(Dimension.DISTRICT)) {
                row.add(r.district());
            }
            if (by.contains(Dimension.MONTH)) {
                row.add(r.month());
            }
            row.addAll(Arrays.asList(
                    r.claims(),
                    r.approved(),
                    r.rejected(),
                    r.revoked(),
                    r.amount(),
                    percent(r.approvalRate()),
                    r.paid(),
                    r.averageDaysToPayment() == null
                            ? null
                            : r.averageDaysToPayment().toPlainString()));
            rows.add(row);
        }
        return new ExportTable(year + "年度理赔情况", headers, rows);
    }

    /** The fund of each plan: premiums, by payer in the platform's payer order, benefits, revocations, balance. */
    public ExportTable fundPosition(int year, String planId) {
        List<Payer> payers = List.of(Payer.values());
        List<String> headers = new ArrayList<>(List.of("险种", "年度", "保费收入（元）"));
        payers.forEach(p -> headers.add(PAYER_LABELS.get(p) + "（元）"));
        headers.addAll(List.of("给付金额（元）", "撤销追回（元）", "结余（元）"));
        List<List<Object>> rows = new ArrayList<>();
        for (PayoutRatioQueries.FundPosition f : ratios.fundPositions(year, planId)) {
            List<Object> row = new ArrayList<>(Arrays.asList(f.planId(), f.year(), f.premiums()));
            payers.forEach(p -> row.add(f.premiumsByPayer().getOrDefault(p.name(), Money.ZERO.yuan())));
            row.addAll(Arrays.asList(f.benefitsApproved(), f.benefitsRevoked(), f.balance()));
            rows.add(row);
        }
        return new ExportTable(year + "年度资金收支", headers, rows);
    }

    /** The district table: the attachment's columns, then the enrolment rate and the change against last year. */
    public ExportTable districtEnrollment(int year) {
        DistrictEnrollmentReport report = districts.districtEnrollment(year, ProjectionTables.LIVE);
        List<List<Object>> rows = new ArrayList<>();
        report.rows().forEach(r -> rows.add(districtRow(r)));
        rows.add(districtRow(report.totals()));
        return new ExportTable(
                year + "年度参保情况",
                List.of("系统", "特病赠送", "在职职工", "退休职工", "参保总人次数", "实名会员人数", "参保率%", "上年参保总人次数", "同比增长%"),
                rows);
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
        rows.add(Arrays.asList(
                null,
                report.totals().name(),
                report.totals().target(),
                report.totals().completed(),
                report.totals().completionRate(),
                report.totals().nextYearTarget()));
        return new ExportTable(
                year + "年目标任务",
                List.of("序号", "所属单位", year + "年任务数", year + "年完成数", "完成率%", (year + 1) + "年计划任务数"),
                rows);
    }

    /** Payout ratios of a plan year by unit, district, plan or unit and plan; the ratio in % with two decimals. */
    public ExportTable payoutRatios(int year, By by, String district, String planId) {
        List<String> headers = new ArrayList<>(
                switch (by) {
                    case UNIT -> List.of("单位", "区县");
                    case DISTRICT -> List.of("区县");
                    case PLAN -> List.of("险种");
                    case UNIT_PLAN -> List.of("单位", "区县", "险种");
                });
        headers.addAll(List.of("参保人数", "保费收入（元）", "给付金额（元）", "给付率%"));
        List<List<Object>> rows = new ArrayList<>();
        for (PayoutRatioQueries.Row r :
                ratios.ratios(year, by, ReportParameters.optional(district), ReportParameters.optional(planId))) {
            String unit = r.unitName() == null ? String.valueOf(r.unitId()) : r.unitName();
            List<Object> row = new ArrayList<>(
                    switch (by) {
                        case UNIT -> Arrays.<Object>asList(unit, r.district());
                        case DISTRICT -> Arrays.<Object>asList(r.district());
                        case PLAN -> Arrays.<Object>asList(r.planId());
                        case UNIT_PLAN -> Arrays.<Object>asList(unit, r.district(), r.planId());
                    });
            row.addAll(Arrays.asList(r.enrolled(), r.premiums(), r.benefits(), percent(r.ratio())));
            rows.add(row);
        }
        return new ExportTable(year + "年度给付率", headers, rows);
    }

    /** A ratio of four decimals as a percentage with two, as text (null stays null). */
    private static String percent(BigDecimal ratio) {
        return ratio == null
                ? null
                : ratio.multiply(BigDecimal.valueOf(100))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    private static List<Object> districtRow(DistrictEnrollmentReport.Row r) {
        return Arrays.asList(
                r.district(),
                r.giftedSpecialDisease(),
                r.inService(),
                r.retired(),
                r.total(),
                r.realNameMembers(),
                r.enrollmentRate(),
                r.previousYearTotal(),
                r.yearOnYear());
    }

    private static ResponseEntity<byte[]> file(String name, Format format, ExportTable table) {
        String filename = name + "." + format.extension;
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"report." + format.extension + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(filename, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .contentType(MediaType.parseMediaType(format.contentType))
                .body(table.write(format));
    }
}
