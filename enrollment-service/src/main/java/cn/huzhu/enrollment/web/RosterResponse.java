package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.roster.RosterApplication;
import cn.huzhu.enrollment.command.roster.RosterPaidEvent;
import cn.huzhu.enrollment.command.roster.RosterRowResult;
import cn.huzhu.enrollment.command.roster.RosterRowStatus;
import cn.huzhu.enrollment.command.roster.RosterSubmittedEvent;
import cn.huzhu.enrollment.query.RosterRecord;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A roster's outcome: the unit check, the counts and every row's result. ID numbers are masked; money is a decimal string. */
public record RosterResponse(
        String rosterId,
        String unitId,
        String district,
        String planId,
        int planVersion,
        String format,
        LocalDate submittedOn,
        String status,
        UnitCheck unitCheck,
        Terms terms,
        Counts counts,
        String premiumTotal,
        Payment payment,
        RosterApplication application,
        String rejectedRowsUrl,
        List<Row> rows) {

    public record UnitCheck(
            int insuredStaff, int required, int enrolledAfter, boolean passed, String code, String message) {}

    /** What the unit earned: the premium per share it pays (null: the list price), a subsidy per person and who pays it, and why. */
    public record Terms(String premiumPerShare, String subsidyPerPerson, String subsidyPayer, List<String> applied) {}

    /** What the unit owes for the enrolled rows (its part of their premiums) and, once paid, the transfer. */
    public record Payment(String amountDue, boolean paid, String amount, String reference, LocalDate paidOn) {}

    public record Counts(int rows, int enrolled, int alreadyEnrolled, int rejected) {}

    public record Row(
            int rowNo,
            String status,
            String memberId,
            String enrollmentId,
            String premium,
            String code,
            String message,
            String name,
            String idNumber) {}

    static RosterResponse of(RosterRecord record, RosterRowStatus only) {
        RosterSubmittedEvent e = record.outcome();
        List<RosterRowResult> rows = e.rows();
        int enrolled = count(rows, RosterRowStatus.ENROLLED);
        int already = count(rows, RosterRowStatus.ALREADY_ENROLLED);
        int rejected = count(rows, RosterRowStatus.REJECTED);
        RosterSubmittedEvent.UnitCheck check = e.unitCheck();
        return new RosterResponse(
                e.rosterId().value(),
                e.unitId().value(),
                e.district(),
                e.planId().value(),
                e.planVersion(),
                e.format(),
                e.submittedOn(),
                e.status().name(),
                new UnitCheck(
                        check.insuredStaff(),
                        check.required(),
                        check.enrolledAfter(),
                        check.code() == null,
                        check.code(),
                        check.message()),
                e.terms() == null
                        ? null
                        : new Terms(
                                Money.text(e.terms().premiumPerShare()),
                                Money.text(e.terms().subsidyPerPerson()),
                                e.terms().subsidyPayer() == null
                                        ? null
                                        : e.terms().subsidyPayer().name(),
                                e.terms().applied()),
                new Counts(rows.size(), enrolled, already, rejected),
                Money.text(e.premiumTotal()),
                payment(record),
                e.application(),
                rejected == 0 ? null : "/api/rosters/" + e.rosterId() + "/rejected-rows.xlsx",
                rows.stream()
                        .filter(r -> only == null || r.status() == only)
                        .map(r -> new Row(
                                r.rowNo(),
                                r.status().name(),
                                r.memberId(),
                                r.enrollmentId(),
                                r.premium() == null ? null : Money.text(r.premium()),
                                r.code(),
                                r.message(),
                                r.name(),
                                r.idNumber() == null ? null : IdNumber.mask(r.idNumber())))
                        .toList());
    }

    private static Payment payment(RosterRecord record) {
        BigDecimal due = record.outcome().amountDue();
        RosterPaidEvent paid = record.payment();
        return paid == null
                ? new Payment(Money.text(due), false, null, null, null)
                : new Payment(Money.text(due), true, Money.text(paid.amount()), paid.reference(), paid.paidOn());
    }

    private static int count(List<RosterRowResult> rows, RosterRowStatus status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }
}
