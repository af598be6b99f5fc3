package cn.huzhu.reporting.web;

import cn.huzhu.plans.PlanThresholds;
import cn.huzhu.plans.UnitQualification;
import cn.huzhu.reporting.query.PayoutRatioQueries;
import cn.huzhu.reporting.query.PayoutRatioQueries.Allocation;
import cn.huzhu.reporting.query.PayoutRatioQueries.By;
import cn.huzhu.reporting.query.PayoutRatioQueries.Row;
import cn.huzhu.reporting.query.PlanDefinitions;
import cn.huzhu.reporting.query.ReportAnswers;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payout ratios (给付率) of a plan year and the lists derived from them. A ratio is benefits ÷ premiums to four
 * decimals (0.4532 = 45.32 %), null where no premium was collected.
 */
@RestController
@RequestMapping("/api/reports")
public class PayoutRatioController {

    private final PayoutRatioQueries queries;
    private final ReportAnswers answers;
    private final PlanDefinitions plans;

    public PayoutRatioController(PayoutRatioQueries queries, ReportAnswers answers, PlanDefinitions plans) {
        this.queries = queries;
        this.answers = answers;
        this.plans = plans;
    }

    /** Ratios by {@code unit}, {@code district}, {@code plan} or {@code unit-plan}, optionally of one district or plan. */
    @GetMapping("/payout-ratios")
    public List<Row> ratios(
            @RequestParam int year,
            @RequestParam(defaultValue = "district") String by,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String planId) {
        int reportYear = ReportParameters.year(year);
        By level = By.parse(by);
        String inDistrict = ReportParameters.district(district);
        String plan = ReportParameters.optional(planId);
        return answers.answer(
                () -> queries.ratios(reportYear, level, inDistrict, plan),
                "payout-ratios",
                reportYear,
                level,
                inDistrict,
                plan);
    }

    /**
     * The units whose figures of the basis year earn the plan's renewal discount (Jiangshan's 2020 plan: ≥ 100 enrolled and
     * a ratio below 50 %), by the thresholds of the plan's definition.
     */
    @GetMapping("/payout-ratios/discount-units")
    public List<Row> discountUnits(@RequestParam int basisYear, @RequestParam String planId) {
        return unitsEarning(basisYear, planId, PlanThresholds.Kind.RENEWAL_DISCOUNT);
    }

    /** The units whose figures of the basis year earn the plan's gift (Huzhou: ≥ 200 enrolled and a ratio below 70 %). */
    @GetMapping("/payout-ratios/gift-units")
    public List<Row> giftUnits(@RequestParam int basisYear, @RequestParam String planId) {
        return unitsEarning(basisYear, planId, PlanThresholds.Kind.GIFT);
    }

    private List<Row> unitsEarning(int basisYear, String planId, PlanThresholds.Kind kind) {
        int year = ReportParameters.year(basisYear);
        UnitQualification rule = rule(planId, kind);
        return answers.answer(() -> queries.unitsQualifying(year, rule), "units-qualifying", year, planId, kind);
    }

    /**
     * Ningbo's medical subsidy: the units whose figures in the plan earn it (1 000 or more enrolled and a ratio below
     * 70 %, from the plan's definition) share {@code pool} (yuan) in proportion to their shortfall to that ratio.
     */
    @GetMapping("/payout-ratios/subsidy-allocation")
    public List<Allocation> subsidy(
            @RequestParam int basisYear, @RequestParam String planId, @RequestParam BigDecimal pool) {
        if (pool.signum() <= 0 || pool.scale() > 2 || pool.precision() - pool.scale() > 12) {
            throw new IllegalArgumentException(
                    "pool must be a positive amount in yuan with at most 2 decimals and 12 digits");
        }
        int year = ReportParameters.year(basisYear);
        UnitQualification rule = rule(planId, PlanThresholds.Kind.MEDICAL_SUBSIDY);
        return answers.answer(
                () -> queries.subsidy(year, planId, rule, pool), "subsidy-allocation", year, planId, pool);
    }

    private UnitQualification rule(String planId, PlanThresholds.Kind kind) {
        String plan = ReportParameters.optional(planId);
        if (plan == null) {
            throw new IllegalArgumentException("planId is required: the plan whose thresholds decide");
        }
        return plans.qualification(plan, kind)
                .orElseThrow(() -> new IllegalArgumentException(
                        plans.known(plan)
                                ? "Plan " + plan + " has no "
                                        + kind.name()
                                                .toLowerCase(java.util.Locale.ROOT)
                                                .replace('_', ' ') + " rule"
                                : "No plan " + plan + " is known"));
    }

    /** The fund position of each plan of a plan year: premiums by payer, benefits approved and revoked, balance. */
    @GetMapping("/fund-position")
    public List<PayoutRatioQueries.FundPosition> fundPosition(
            @RequestParam int year, @RequestParam(required = false) String planId) {
        int reportYear = ReportParameters.year(year);
        String plan = ReportParameters.optional(planId);
        return answers.answer(() -> queries.fundPositions(reportYear, plan), "fund-position", reportYear, plan);
    }
}
