package cn.huzhu.reporting.web;

import cn.huzhu.reporting.query.PayoutRatioQueries;
import cn.huzhu.reporting.query.PayoutRatioQueries.Allocation;
import cn.huzhu.reporting.query.PayoutRatioQueries.By;
import cn.huzhu.reporting.query.PayoutRatioQueries.Row;
import cn.huzhu.reporting.query.ReportAnswers;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payout ratios (给付率) of a plan year and the lists derived from them. A ratio is benefits ÷ premiums to four
 * decimals (0.4532 = 45.32 %), null where no premium was collected.
 */
@RestController
@RequestMapping("/api/reports")
public class PayoutRatioController {

    /** More members than any unit or plan year holds: a threshold beyond it is a mistake, not a filter. */
    static final long MAX_MEMBERS = 100_000_000L;

    private final PayoutRatioQueries queries;
    private final ReportAnswers answers;

    public PayoutRatioController(PayoutRatioQueries queries, ReportAnswers answers) {
        this.queries = queries;
        this.answers = answers;
    }

    /** Ratios by {@code unit}, {@code district}, {@code plan} or {@code unit-plan}, optionally of one district or plan. */
    @GetMapping("/payout-ratios")
    public List<Row> ratios(@RequestParam int year, @RequestParam(defaultValue = "district") String by,
                            @RequestParam(required = false) String district, @RequestParam(required = false) String planId) {
        int reportYear = ReportParameters.year(year);
        By level = By.parse(by);
        String inDistrict = ReportParameters.district(district);
        String plan = ReportParameters.optional(planId);
        return answers.answer(() -> queries.ratios(reportYear, level, inDistrict, plan), "payout-ratios", reportYear, level, inDistrict, plan);
    }

    /** Jiangshan's renewal discount: units with at least 100 members and a ratio below 50 % in the basis year. */
    @GetMapping("/payout-ratios/discount-units")
    public List<Row> discountUnits(@RequestParam int basisYear, @RequestParam(defaultValue = "100") @Min(0) @Max(MAX_MEMBERS) long minEnrolled,
                                   @RequestParam(defaultValue = "0.50") BigDecimal maxRatio) {
        return unitsBelow(basisYear, minEnrolled, maxRatio);
    }

    /** Huzhou's gifts: units with at least 200 members and a ratio below 70 % in the basis year. */
    @GetMapping("/payout-ratios/gift-units")
    public List<Row> giftUnits(@RequestParam int basisYear, @RequestParam(defaultValue = "200") @Min(0) @Max(MAX_MEMBERS) long minEnrolled,
                               @RequestParam(defaultValue = "0.70") BigDecimal maxRatio) {
        return unitsBelow(basisYear, minEnrolled, maxRatio);
    }

    private List<Row> unitsBelow(int basisYear, long minEnrolled, BigDecimal maxRatio) {
        int year = ReportParameters.year(basisYear);
        BigDecimal below = ratio(maxRatio);
        return answers.answer(() -> queries.unitsBelow(year, minEnrolled, below), "units-below", year, minEnrolled, below);
    }

    /**
     * Ningbo's medical subsidy: units with more than 1 000 members in the plan and a ratio below 70 % in the basis
     * year share {@code pool} (yuan) in proportion to their shortfall to 70 %.
     */
    @GetMapping("/payout-ratios/subsidy-allocation")
    public List<Allocation> subsidy(@RequestParam int basisYear, @RequestParam String planId, @RequestParam BigDecimal pool,
                                    @RequestParam(defaultValue = "1000") @Min(0) @Max(MAX_MEMBERS) long moreThan) {
        if (pool.signum() <= 0 || pool.scale() > 2 || pool.precision() - pool.scale() > 12) {
            throw new IllegalArgumentException("pool must be a positive amount in yuan with at most 2 decimals and 12 digits");
        }
        int year = ReportParameters.year(basisYear);
        return answers.answer(() -> queries.subsidy(year, planId, moreThan, pool), "subsidy-allocation", year, planId, moreThan, pool);
    }


    /** The fund position of each plan of a plan year: premiums by payer, benefits approved and revoked, balance. */
    @GetMapping("/fund-position")
    public List<PayoutRatioQueries.FundPosition> fundPosition(@RequestParam int year, @RequestParam(required = false) String planId) {
        int reportYear = ReportParameters.year(year);
        String plan = ReportParameters.optional(planId);
        return answers.answer(() -> queries.fundPositions(reportYear, plan), "fund-position", reportYear, plan);
    }

    private static BigDecimal ratio(BigDecimal ratio) {
        if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxRatio must be between 0 and 1");
        }
        return ratio;
    }
}
