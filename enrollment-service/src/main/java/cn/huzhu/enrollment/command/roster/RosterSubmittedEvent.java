package cn.huzhu.enrollment.command.roster;

import cn.huzhu.enrollment.command.RosterId;
import cn.huzhu.enrollment.command.unit.UnitTerms;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A roster was checked and its accepted rows enrolled (the enrolments are their own events, in the same
 * transaction). {@code unitCheck} is the unit-level refusal (e.g. below 80 % of the insured staff), which
 * leaves every row unenrolled.
 */
public record RosterSubmittedEvent(
        RosterId rosterId,
        UnitId unitId,
        String district,
        PlanId planId,
        int planVersion,
        String format,
        LocalDate submittedOn,
        RosterStatus status,
        UnitCheck unitCheck,
        UnitTerms terms,
        RosterApplication application,
        BigDecimal premiumTotal,
        List<RosterRowResult> rows) {

    /** What the unit owes for the roster: its part of the enrolled rows' premiums (after the union's subsidy). */
    public BigDecimal amountDue() {
        return rows.stream()
                .filter(r -> r.status() == RosterRowStatus.ENROLLED)
                .map(RosterRowResult::amountDue)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    /**
     * The unit rule: {@code insuredStaff} in basic insurance, of whom {@code required} must be enrolled;
     * {@code enrolledAfter} would be after this roster. {@code code}/{@code message} are set when it fails.
     */
    public record UnitCheck(int insuredStaff, int required, int enrolledAfter, String code, String message) {}
}
