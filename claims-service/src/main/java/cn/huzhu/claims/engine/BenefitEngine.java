package cn.huzhu.claims.engine;

import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adjudicates a claim against one coverage by its plan version's rules, as PLANS.md describes them, and
 * shows every step as a line. Pure and thread-safe: the benefit account (what was paid before under the
 * enrolment) comes in, the account after the payment goes out; keeping it consistent is the caller's job.
 */
public final class BenefitEngine {

    private BenefitEngine() {}

    public static Adjudication adjudicate(PlanRules plan, Coverage coverage, BenefitAccount account, Claim claim) {
        if (!coverage.covers(claim.eventDate())) {
            return Adjudication.rejected(
                    RejectionCode.NOT_COVERED,
                    "The enrolment covers " + coverage.coverageStart() + " to " + coverage.coverageEnd()
                            + "; the event was on " + claim.eventDate(),
                    account);
        }
        Set<String> excluded = new HashSet<>(claim.exclusions());
        // A critical-illness benefit with a list of its own (Wujin) is excluded by that list only.
        Set<String> planExclusions = new HashSet<>(
                claim.type() == ClaimType.CRITICAL_ILLNESS
                                && !plan.criticalIllnessExclusions().isEmpty()
                        ? plan.criticalIllnessExclusions()
                        : plan.exclusions());
        excluded.retainAll(planExclusions);
        if (!excluded.isEmpty()) {
            return Adjudication.rejected(
                    RejectionCode.EXCLUDED,
                    "The plan excludes " + excluded.stream().sorted().toList(),
                    account);
        }
        Calculation calc = new Calculation(plan, coverage, claim, account);
        List<BenefitRule> rules = plan.rules();
        for (int i = 0; i < rules.size(); i++) {
            BenefitRule rule = rules.get(i);
            if (!rule.claimTypes().contains(claim.type()) || rule instanceof BenefitRule.MinimumPayout) {
                continue;
            }
            if (rule.notFor().contains(claim.cause())) {
                calc.reason(
                        RejectionCode.CAUSE_NOT_COVERED,
                        "The plan pays no " + claim.type() + " benefit for a " + claim.cause());
                continue;
            }
            String id = ruleId(rule, i);
            if (rule instanceof BenefitRule.Banded banded) {
                banded(calc, id, banded);
            } else if (rule instanceof BenefitRule.FlatRate flat) {
                flat(calc, id, flat);
            } else if (rule instanceof BenefitRule.DailyAllowance allowance) {
                allowance(calc, id, allowance);
            } else if (rule instanceof BenefitRule.FirstHospitalizationSubsidy subsidy) {
                firstHospitalization(calc, subsidy);
            } else if (rule instanceof BenefitRule.LumpSum lumpSum) {
                lumpSum(calc, id, lumpSum);
            } else if (rule instanceof BenefitRule.CondolenceForOtherList condolence) {
                otherListCondolence(calc, id, condolence);
            } else if (rule instanceof BenefitRule.BracketTopUp brackets) {
                bracketTopUp(calc, id, brackets);
            } else if (rule instanceof BenefitRule.GradeTable table) {
                gradeTable(calc, table);
            } else if (rule instanceof BenefitRule.DeathBenefit death) {
                if (death.causes().isEmpty() || death.causes().contains(claim.cause())) {
                    calc.pay(new Line(
                            "DEATH_BENEFIT",
                            null,
                            null,
                            death.amount(),
                            "death during cover" + (death.causes().isEmpty() ? "" : " (" + claim.cause() + ")")));
                } else {
                    calc.reason(
                            RejectionCode.DEATH_CAUSE_NOT_COVERED,
                            "The plan pays a death of " + death.causes() + " only; this death was of " + claim.cause());
                }
            }
        }
        for (BenefitRule rule : rules) {
            if (rule instanceof BenefitRule.MinimumPayout minimum
                    && minimum.claimTypes().contains(claim.type())
                    && calc.total.signum() > 0
                    && calc.total.compareTo(minimum.amount()) < 0) {
                calc.pay(new Line(
                        "MINIMUM_PAYOUT",
                        calc.total,
                        null,
                        minimum.amount().subtract(calc.total),
                        "a positive amount below " + minimum.amount() + " is paid " + minimum.amount()));
            }
        }
        if (calc.total.signum() <= 0) {
            // Nothing paid, but a first diagnosis in the waiting period is a fact the account keeps.
            BenefitAccount after = account.withPaid(calc.account.lifetimePayments());
            return calc.reasonCode == null
                    ? Adjudication.rejected(
                            RejectionCode.NO_BENEFIT,
                            "No rule of plan " + plan.planId() + " pays for this claim",
                            after)
                    : Adjudication.rejected(calc.reasonCode, calc.reasonMessage, after);
        }
        return new Adjudication(calc.total, calc.lines, null, calc.account);
    }

    /** The state of one adjudication while the rules run. */
    private static final class Calculation {
        final PlanRules plan;
        final Coverage coverage;
        final Claim claim;
        BenefitAccount account;
        final List<Line> lines = new ArrayList<>();
        BigDecimal total = Money.ZERO.yuan();
        RejectionCode reasonCode;
        String reasonMessage;

        Calculation(PlanRules plan, Coverage coverage, Claim claim, BenefitAccount account) {
            this.plan = plan;
            this.coverage = coverage;
            this.claim = claim;
            this.account = account;
        }

        void pay(Line line) {
            lines.add(line);
            total = total.add(line.amount());
        }

        /** The first reason stands, except that a rule which knows the disease speaks over one that does not list it. */
        void reason(RejectionCode code, String message) {
            if (reasonCode == null || reasonCode == RejectionCode.DISEASE_NOT_COVERED) {
                reasonCode = code;
                reasonMessage = message;
            }
        }

        Bill bill() {
            return claim.bill() == null ? new Bill(null, null, null, null, null, true, null, null) : claim.bill();
        }

        BigDecimal round(BigDecimal amount) {
            return plan.rounding().apply(amount);
        }
    }

    private static String ruleId(BenefitRule rule, int index) {
        return rule.getClass().getSimpleName() + "#" + index;
    }

    private static void banded(Calculation calc, String id, BenefitRule.Banded rule) {
        BigDecimal base = rule.base().of(calc.bill());
        BigDecimal from = rule.annual() ? calc.account.amount(AccountKeys.base(id)) : BigDecimal.ZERO;
        BigDecimal to = from.add(base);
        BigDecimal sum = BigDecimal.ZERO;
        List<Line> lines = new ArrayList<>();
        for (BenefitRule.Band band : rule.bands()) {
            BigDecimal part = overlap(from, to, band.from(), band.to());
            if (part.signum() <= 0) {
                continue;
            }
            BigDecimal rate = calc.coverage.continuous() && band.rateIfContinuous() != null
                    ? band.rateIfContinuous()
                    : band.rate();
            BigDecimal amount = calc.round(part.multiply(rate));
            lines.add(new Line(
                    "BANDED " + rule.base(),
                    part,
                    rate,
                    amount,
                    "the part of " + rule.base() + " in " + describe(band.from(), band.to())
                            + (rule.annual() ? " (cumulative over the year)" : "")
                            + (rate.equals(band.rateIfContinuous()) ? ", rate for a continuous renewal" : "")));
            sum = sum.add(amount);
        }
        if (rule.annual()) {
            calc.account = calc.account.add(AccountKeys.base(id), base);
        }
        payCapped(calc, lines, sum, rule.annualCapPerShare(), rule.capGroup() != null ? rule.capGroup() : id);
        if (lines.isEmpty()) {
            calc.reason(RejectionCode.NO_BASE, "The bill has no " + rule.base() + " to reimburse");
        }
    }

    private static void flat(Calculation calc, String id, BenefitRule.FlatRate rule) {
        BigDecimal base = rule.base().of(calc.bill());
        if (base.signum() <= 0) {
            calc.reason(RejectionCode.NO_BASE, "The bill has no " + rule.base() + " to reimburse");
            return;
        }
        Rounding rounding = rule.rounding() != null ? rule.rounding() : calc.plan.rounding();
        BigDecimal amount = rounding.apply(base.multiply(rule.rate()));
        List<Line> lines = new ArrayList<>(List.of(new Line(
                "FLAT_RATE " + rule.base(),
                base,
                rule.rate(),
                amount,
                rule.rounding() != null
                        ? "rounded " + rounding.mode() + " to " + rounding.scale() + " decimals"
                        : null)));
        payCapped(calc, lines, amount, rule.annualCapPerShare(), rule.capGroup() != null ? rule.capGroup() : id);
    }

    /** Pays the lines, reduced by an annual cap per share shared by the rules of the same cap group. */
    private static void payCapped(
            Calculation calc, List<Line> lines, BigDecimal sum, BigDecimal capPerShare, String capGroup) {
        lines.forEach(calc::pay);
        if (capPerShare == null || sum.signum() <= 0) {
            return;
        }
        BigDecimal cap = capPerShare.multiply(BigDecimal.valueOf(calc.coverage.shares()));
        BigDecimal used = calc.account.amount(AccountKeys.cap(capGroup));
        BigDecimal paid = sum.min(cap.subtract(used).max(BigDecimal.ZERO));
        if (paid.compareTo(sum) < 0) {
            calc.pay(new Line(
                    "ANNUAL_CAP",
                    sum,
                    null,
                    paid.subtract(sum),
                    "annual cap " + cap + " (" + capPerShare + " per share), " + used + " already paid"));
            calc.reason(RejectionCode.CAP_REACHED, "The annual cap of " + cap + " is reached");
        }
        calc.account = calc.account.add(AccountKeys.cap(capGroup), paid);
    }

    private static void allowance(Calculation calc, String id, BenefitRule.DailyAllowance rule) {
        if (!rule.diseases().isEmpty() && !rule.diseases().contains(calc.claim.diseaseCode())) {
            calc.reason(
                    RejectionCode.DISEASE_NOT_COVERED,
                    "The allowance is paid for a listed disease only, not " + calc.claim.diseaseCode());
            return;
        }
        int days = hospitalDays(calc.claim);
        if (days <= 0) {
            calc.reason(RejectionCode.NO_HOSPITAL_DAYS, "The claim gives no hospital days");
            return;
        }
        String once = AccountKeys.allowance(id, rule.once() == BenefitRule.Once.LIFETIME);
        if (rule.firstHospitalizationOnly() && calc.account.paid(once)) {
            calc.reason(RejectionCode.ALREADY_PAID, "The allowance is paid for the first hospitalisation only");
            return;
        }
        int paidDays = rule.maxDays() == null ? days : Math.min(days, rule.maxDays());
        BigDecimal amount = calc.round(rule.perDay().multiply(BigDecimal.valueOf(paidDays)));
        calc.pay(new Line(
                "DAILY_ALLOWANCE",
                BigDecimal.valueOf(paidDays),
                rule.perDay(),
                amount,
                paidDays + " day(s)" + (paidDays < days ? " of " + days + " (at most " + rule.maxDays() + ")" : "")));
        if (rule.firstHospitalizationOnly()) {
            calc.account = calc.account.markPaid(once);
        }
    }

    private static void firstHospitalization(Calculation calc, BenefitRule.FirstHospitalizationSubsidy rule) {
        String once = "first-hospitalization:" + calc.coverage.enrollmentId();
        if (calc.account.paid(once)) {
            return;
        }
        calc.pay(new Line(
                "FIRST_HOSPITALIZATION_SUBSIDY", null, null, rule.amount(), "first hospitalisation in the term"));
        calc.account = calc.account.markPaid(once);
    }

    private static void lumpSum(Calculation calc, String id, BenefitRule.LumpSum rule) {
        Claim claim = calc.claim;
        if (!listed(rule.diseases(), rule.timeBoxed(), claim.diseaseCode(), claim.eventDate())) {
            calc.reason(
                    RejectionCode.DISEASE_NOT_COVERED,
                    "The plan does not list " + claim.diseaseCode() + " for a diagnosis on " + claim.eventDate());
            return;
        }
        if (!rule.hospitalGrades().isEmpty() && !rule.hospitalGrades().contains(claim.hospitalGrade())) {
            calc.reason(
                    RejectionCode.HOSPITAL_NOT_ELIGIBLE,
                    "The diagnosis must be made at a hospital of grade " + rule.hospitalGrades());
            return;
        }
        String once = AccountKeys.lumpSum(id, rule.once(), calc.coverage, claim.eventDate());
        String condolenceOnce = AccountKeys.condolence(id, calc.coverage);
        if (calc.account.paid(once)) {
            calc.reason(
                    RejectionCode.ALREADY_PAID,
                    "The lump sum is paid once per " + rule.once().name().toLowerCase());
            return;
        }
        BigDecimal shares = BigDecimal.valueOf(calc.coverage.shares());
        String diagnosed = AccountKeys.firstDiagnosis(claim.diseaseCode());
        if (!claim.eventDate().isBefore(calc.coverage.waitingPeriodEnd())) {
            if (calc.account.paid(diagnosed)) {
                calc.reason(
                        RejectionCode.NOT_FIRST_DIAGNOSIS,
                        claim.diseaseCode() + " was first diagnosed in a waiting period of the member's cover"
                                + " under this plan; the lump sum is paid on the first diagnosis only");
                return;
            }
            BigDecimal amount = calc.round(rule.amountPerShare().multiply(shares));
            calc.pay(new Line(
                    "LUMP_SUM",
                    shares,
                    null,
                    amount,
                    claim.diseaseCode() + ": " + rule.amountPerShare() + " per share"));
            calc.account = calc.account.markPaid(once);
            return;
        }
        LocalDate condolenceFrom = calc.coverage.coverageStart().plusDays(calc.plan.condolenceFromDays());
        if (rule.condolence() != null
                && !claim.eventDate().isBefore(condolenceFrom)
                && !calc.account.paid(condolenceOnce)) {
            BigDecimal amount = rule.condolence().perShare()
                    ? rule.condolence().amount().multiply(shares)
                    : rule.condolence().amount();
            calc.pay(new Line(
                    "CONDOLENCE",
                    null,
                    null,
                    calc.round(amount),
                    "diagnosed on day " + day(calc.coverage, claim.eventDate()) + " of the waiting period that ends "
                            + calc.coverage.waitingPeriodEnd()));
            calc.account = calc.account.markPaid(condolenceOnce).markPaid(diagnosed);
            return;
        }
        calc.account = calc.account.markPaid(diagnosed);
        calc.reason(
                RejectionCode.IN_WAITING_PERIOD,
                "Diagnosed on day " + day(calc.coverage, claim.eventDate())
                        + " of the enrolment; the benefit is paid from " + calc.coverage.waitingPeriodEnd()
                        + (rule.condolence() != null ? ", a condolence from " + condolenceFrom : ""));
    }

    private static void otherListCondolence(Calculation calc, String id, BenefitRule.CondolenceForOtherList rule) {
        String disease = calc.claim.diseaseCode();
        if (!rule.diseases().contains(disease) || rule.excludingDiseases().contains(disease)) {
            return;
        }
        LocalDate from = calc.coverage.coverageStart().plusDays(rule.fromDays());
        if (!calc.coverage.continuous() && calc.claim.eventDate().isBefore(from)) {
            calc.reason(
                    RejectionCode.IN_WAITING_PERIOD,
                    "A condolence for " + disease + " is paid for diagnoses from " + from);
            return;
        }
        String once = AccountKeys.otherCondolence(id, rule.once(), calc.coverage, calc.claim.eventDate());
        if (calc.account.paid(once)) {
            calc.reason(
                    RejectionCode.ALREADY_PAID,
                    "The condolence is paid once per " + rule.once().name().toLowerCase());
            return;
        }
        calc.pay(new Line(
                "CONDOLENCE_OTHER_DISEASE",
                null,
                null,
                rule.amount(),
                disease + " is not one of this plan's diseases"));
        calc.account = calc.account.markPaid(once);
    }

    private static void bracketTopUp(Calculation calc, String id, BenefitRule.BracketTopUp rule) {
        Bill bill = calc.bill();
        BigDecimal base = rule.base().of(bill);
        String note = rule.base().name();
        if (!bill.settledViaInsurance()) {
            // A traffic accident is paid on the member's liability share, which may be nothing (no liability, nothing
            // paid).
            boolean traffic = calc.claim.cause() == Cause.TRAFFIC_ACCIDENT && bill.liabilityShare() != null;
            for (BenefitRule.Substitution s : rule.substitutions()) {
                if (s.when().equals(traffic ? "UNSETTLED_TRAFFIC_ACCIDENT" : "UNSETTLED")) {
                    BigDecimal of = traffic ? bill.liabilityShare() : bill.unsettledAmount();
                    base = calc.round(of.multiply(s.rate()));
                    note = s.rate()
                                    .multiply(BigDecimal.valueOf(100))
                                    .stripTrailingZeros()
                                    .toPlainString() + " % of " + s.base() + " " + of
                            + " (not settled through basic insurance)";
                }
            }
        }
        BigDecimal before = calc.account.amount(AccountKeys.base(id));
        BigDecimal cumulative = before.add(base);
        BigDecimal paidBefore = calc.account.amount(AccountKeys.paid(id));
        BenefitRule.Bracket reached = null;
        for (BenefitRule.Bracket bracket : rule.brackets()) {
            if (cumulative.compareTo(bracket.from()) >= 0
                    && (bracket.to() == null || cumulative.compareTo(bracket.to()) < 0)) {
                reached = bracket;
            }
        }
        calc.account = calc.account.add(AccountKeys.base(id), base);
        if (reached == null || reached.amount().compareTo(paidBefore) <= 0) {
            calc.reason(
                    RejectionCode.BELOW_BRACKET,
                    "The year's cumulative " + rule.base() + " of " + cumulative + " reaches no new bracket");
            return;
        }
        BigDecimal topUp = reached.amount().subtract(paidBefore);
        calc.pay(new Line(
                "BRACKET_TOP_UP",
                cumulative,
                null,
                topUp,
                note + "; the year's cumulative " + cumulative + " is in " + describe(reached.from(), reached.to())
                        + " → " + reached.amount() + ", " + paidBefore + " paid before"));
        calc.account = calc.account.add(AccountKeys.paid(id), topUp);
    }

    private static void gradeTable(Calculation calc, BenefitRule.GradeTable table) {
        for (BenefitRule.Grade grade : table.grades()) {
            boolean death = calc.claim.type() == ClaimType.DEATH
                    && grade.includesDeath()
                    && calc.claim.cause() == Cause.WORK_INJURY;
            Integer injury = calc.claim.injuryGrade();
            boolean injured = calc.claim.type() == ClaimType.WORK_INJURY
                    && injury != null
                    && injury >= grade.from()
                    && injury <= grade.to();
            if (death || injured) {
                calc.pay(new Line(
                        "GRADE_TABLE",
                        null,
                        null,
                        grade.amount(),
                        death
                                ? "death (row of grades " + grade.from() + "–" + grade.to() + ")"
                                : "grade " + injury + " (row " + grade.from() + "–" + grade.to() + ")"));
                return;
            }
        }
        if (calc.claim.type() == ClaimType.DEATH) {
            calc.reason(
                    RejectionCode.DEATH_NOT_WORK_RELATED,
                    "The plan pays a death certified as work-related (工亡) only; this death was of "
                            + calc.claim.cause());
            return;
        }
        calc.reason(
                RejectionCode.GRADE_NOT_IN_TABLE,
                "The plan's table has no row for injury grade " + calc.claim.injuryGrade());
    }

    private static boolean listed(
            Set<String> diseases, List<BenefitRule.TimeBoxedDisease> timeBoxed, String disease, LocalDate diagnosed) {
        if (disease == null) {
            return false;
        }
        if (diseases.contains(disease)) {
            return true;
        }
        return timeBoxed.stream()
                .anyMatch(t -> t.disease().equals(disease)
                        && !diagnosed.isBefore(t.diagnosedFrom())
                        && !diagnosed.isAfter(t.diagnosedTo()));
    }

    private static int hospitalDays(Claim claim) {
        if (claim.hospitalDays() != null) {
            return claim.hospitalDays();
        }
        return claim.dischargeDate() == null
                ? 0
                : (int) ChronoUnit.DAYS.between(claim.eventDate(), claim.dischargeDate());
    }

    private static long day(Coverage coverage, LocalDate date) {
        return ChronoUnit.DAYS.between(coverage.coverageStart(), date);
    }

    private static BigDecimal overlap(BigDecimal from, BigDecimal to, BigDecimal bandFrom, BigDecimal bandTo) {
        BigDecimal start = from.max(bandFrom);
        BigDecimal end = bandTo == null ? to : to.min(bandTo);
        return end.subtract(start).max(BigDecimal.ZERO);
    }

    private static String describe(BigDecimal from, BigDecimal to) {
        return "[" + from.stripTrailingZeros().toPlainString() + ", "
                + (to == null ? "∞" : to.stripTrailingZeros().toPlainString()) + ")";
    }
}
