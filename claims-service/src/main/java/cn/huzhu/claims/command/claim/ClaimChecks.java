package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Bill;
import cn.huzhu.claims.engine.Claim;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a claim needs an adjudicator before anything is paid: a bill that does not add up, dates that contradict
 * each other, exclusions suspected by a filer who is not an adjudicator, or an amount above the review threshold.
 */
public final class ClaimChecks {

    private ClaimChecks() {}

    /** Reasons found in the claim itself, before any amount is known. */
    public static List<String> inconsistencies(Claim claim) {
        List<String> reasons = new ArrayList<>();
        if (claim.dischargeDate() != null && claim.dischargeDate().isBefore(claim.eventDate())) {
            reasons.add("DISCHARGE_BEFORE_ADMISSION");
        }
        if (claim.hospitalDays() != null
                && claim.dischargeDate() != null
                && claim.hospitalDays() > ChronoUnit.DAYS.between(claim.eventDate(), claim.dischargeDate()) + 1) {
            reasons.add("MORE_HOSPITAL_DAYS_THAN_THE_STAY");
        }
        Bill bill = claim.bill();
        if (bill != null && bill.settledViaInsurance()) {
            if (bill.coPay().compareTo(bill.total()) > 0) {
                reasons.add("CO_PAY_ABOVE_TOTAL");
            } else if (bill.pooledFundPaid()
                            .add(bill.coPay())
                            .add(bill.selfFunded())
                            .compareTo(bill.total())
                    > 0) {
                reasons.add("PARTS_ABOVE_TOTAL");
            }
            if (bill.deductible().compareTo(bill.coPay()) > 0) {
                reasons.add("DEDUCTIBLE_ABOVE_CO_PAY");
            }
        }
        return reasons;
    }

    /**
     * Exclusions flagged by someone who is not an adjudicator (the member, their unit) are suspected: the claim goes to an
     * adjudicator, who decides whether they apply. An adjudicator's own flags are asserted and need no review.
     */
    public static List<String> suspectedExclusions(Claim claim, boolean assertedByAnAdjudicator) {
        return claim.exclusions().isEmpty() || assertedByAnAdjudicator
                ? List.of()
                : List.of("EXCLUSIONS_FLAGGED "
                        + claim.exclusions().stream().sorted().toList());
    }

    /** The reason a computed total gives, if any. */
    public static List<String> amount(BigDecimal total, BigDecimal threshold) {
        return total.compareTo(threshold) > 0
                ? List.of("ABOVE_REVIEW_THRESHOLD " + threshold.toPlainString())
                : List.of();
    }
}
