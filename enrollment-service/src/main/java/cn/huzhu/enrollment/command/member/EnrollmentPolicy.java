package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.province.ProvinceGroup;
import cn.huzhu.enrollment.command.unit.UnitTerms;
import cn.huzhu.vocabulary.Money;
import cn.huzhu.vocabulary.Payer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides an enrolment from a plan's rules: eligibility, shares, term, enrolment window, coverage
 * period, continuity with an earlier enrolment of the same plan, waiting period and premium. Pure: all
 * facts come in as arguments, a refusal is an {@link EnrollmentRefusedException}. Each reason to refuse is a named
 * {@link Rule} in {@link #RULES}, checked in order over the {@link Facts} gathered once.
 */
public final class EnrollmentPolicy {

    /** How far ahead an enrolment may be dated. */
    static final int MAX_DAYS_AHEAD = 366;

    private EnrollmentPolicy() {}

    /**
     * What the member asks for. A start ({@code effectiveDate}) on a day already past is a {@code migration} of a historical
     * enrolment, or a gift that starts with the enrolment that earned it ({@code withEnrolment}); nothing else.
     */
    public record Request(
            String planId,
            int shares,
            Integer termYears,
            LocalDate effectiveDate,
            Payer payer,
            boolean bypassWindow,
            UnitTerms unitTerms,
            Migration migration,
            boolean withEnrolment,
            BooleanSupplier unitPaysDues,
            boolean provinceQuotaSpent) {
        public Request {
            unitTerms = unitTerms == null ? UnitTerms.NONE : unitTerms;
            unitPaysDues = unitPaysDues == null ? () -> false : unitPaysDues;
        }

        public Request(
                String planId,
                int shares,
                Integer termYears,
                LocalDate effectiveDate,
                Payer payer,
                boolean bypassWindow,
                UnitTerms unitTerms,
                Migration migration,
                boolean withEnrolment) {
            this(
                    planId,
                    shares,
                    termYears,
                    effectiveDate,
                    payer,
                    bypassWindow,
                    unitTerms,
                    migration,
                    withEnrolment,
                    null,
                    false);
        }

        /** A gift of this plan, given with the enrolment that earned it or by the union to a unit. */
        static Request gift(
                String planId,
                int shares,
                Integer termYears,
                LocalDate start,
                Payer payer,
                Migration migration,
                boolean withEnrolment) {
            return new Request(planId, shares, termYears, start, payer, true, null, migration, withEnrolment);
        }

        /** Whether the member or the unit pays (the plan's funding rule applies), not the payer of a gift. */
        boolean paidByMemberOrUnit() {
            return payer.buysCover();
        }

        /** The same request once the city's quota of the province's money is found spent. */
        Request quotaSpent() {
            return new Request(
                    planId,
                    shares,
                    termYears,
                    effectiveDate,
                    payer,
                    bypassWindow,
                    unitTerms,
                    migration,
                    withEnrolment,
                    unitPaysDues,
                    true);
        }
    }

    /**
     * The enrolment as decided; {@code migration} is null unless it migrates a historical enrolment; {@code provinceGroup}
     * is the group whose quota the province's money comes from (null when the province pays nothing).
     */
    public record Decision(
            PlanVersion plan,
            int shares,
            int termYears,
            BigDecimal premium,
            List<FundingShare> funding,
            LocalDate coverageStart,
            LocalDate coverageEnd,
            LocalDate waitingPeriodEnd,
            boolean continuous,
            Migration migration,
            LocalDate applicationDate,
            List<String> incentives,
            ProvinceGroup provinceGroup) {
        public boolean migrated() {
            return migration != null;
        }

        /** What the province pays of the premium. */
        public BigDecimal provinceAmount() {
            return funding.stream()
                    .filter(f -> f.payer() == Payer.PROVINCE)
                    .map(FundingShare::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Whether the province's money comes from a city quota that must be taken before the enrolment is recorded. */
        public boolean takesProvinceQuota() {
            return provinceGroup != null && plan.funding().quotas() != null;
        }
    }

    /**
     * What the rules read, gathered once: the request and the member, the plan in force on the requested start, the
     * term asked for (null when the plan does not offer it), the period it would cover, whether it continues an
     * enrolment of the plan in force, and the shares of the plan the member holds in that period.
     */
    record Facts(
            PlanVersion plan,
            MemberProfile member,
            Request request,
            LocalDate today,
            LocalDate applicationDate,
            PlanVersion.Term term,
            LocalDate start,
            LocalDate end,
            boolean continuous,
            int sharesHeld) {

        boolean migrated() {
            return request.migration() != null;
        }

        /** The first of the plan's requirements the member does not meet, if any. */
        Optional<PlanVersion.Requirement> unmetRequirement() {
            return plan.eligibility().requires().stream()
                    .filter(r -> !member.meets(r))
                    .findFirst();
        }
    }

    /** One reason to refuse an enrolment: its code, the request field at fault, when it applies, and what the member is told. */
    record Rule(EnrollmentRefusal code, String field, Predicate<Facts> refuses, Function<Facts, String> message) {

        void check(Facts facts) {
            if (refuses.test(facts)) {
                throw new EnrollmentRefusedException(code, field, message.apply(facts));
            }
        }
    }

    /**
     * Every reason an enrolment of a plan in force is refused, in the order they are checked: the first that applies is
     * the answer. (A start in the past, an unknown plan and a plan not yet in force are refused before, by
     * {@link #checkStart} and {@link PlanCatalog#inForceOn}.)
     */
    static final List<Rule> RULES = List.of(
            new Rule(
                    EnrollmentRefusal.EFFECTIVE_DATE_TOO_FAR,
                    "effectiveDate",
                    f -> f.request().effectiveDate() != null
                            && f.request().effectiveDate().isAfter(f.today().plusDays(MAX_DAYS_AHEAD)),
                    f -> "The effective date may be at most " + MAX_DAYS_AHEAD + " days ahead"),
            new Rule(
                    EnrollmentRefusal.CATEGORY_NOT_ELIGIBLE,
                    "memberId",
                    f -> !f.plan().eligibility().categories().isEmpty()
                            && !f.plan()
                                    .eligibility()
                                    .categories()
                                    .contains(f.member().category()),
                    f -> "Plan " + f.plan().planId() + " is for "
                            + f.plan().eligibility().categories() + " members; this member is "
                            + f.member().category()),
            new Rule(
                    EnrollmentRefusal.GENDER_NOT_ELIGIBLE,
                    "memberId",
                    f -> !f.plan().eligibility().genders().isEmpty()
                            && !f.plan()
                                    .eligibility()
                                    .genders()
                                    .contains(f.member().gender()),
                    f -> "Plan " + f.plan().planId() + " is for "
                            + f.plan().eligibility().genders() + " members only"),
            new Rule(
                    EnrollmentRefusal.REQUIREMENT_NOT_MET,
                    "memberId",
                    f -> f.unmetRequirement().isPresent(),
                    f -> "Plan " + f.plan().planId() + " requires "
                            + f.unmetRequirement().orElseThrow()),
            new Rule(
                    EnrollmentRefusal.GROUP_ONLY_PLAN,
                    "planId",
                    f -> f.plan().eligibility().groupOnly() && f.request().payer() != Payer.UNIT && !f.migrated(),
                    f -> "Plan " + f.plan().planId()
                            + " is taken by units for their staff: enrol through the unit's roster"),
            new Rule(
                    EnrollmentRefusal.INVALID_SHARES,
                    "shares",
                    f -> f.request().shares() < 1,
                    f -> "At least one share is required"),
            new Rule(
                    EnrollmentRefusal.TOO_MANY_SHARES,
                    "shares",
                    f -> f.request().shares() > f.plan().maxShares(),
                    f -> "Plan " + f.plan().planId() + " allows at most "
                            + f.plan().maxShares() + " share(s) per member"),
            new Rule(
                    EnrollmentRefusal.TERM_NOT_OFFERED,
                    "termYears",
                    f -> f.term() == null,
                    f -> "Plan " + f.plan().planId() + " offers terms of "
                            + f.plan().terms().stream()
                                    .map(PlanVersion.Term::years)
                                    .toList() + " year(s)"),
            new Rule(
                    EnrollmentRefusal.COVERAGE_PERIOD_OVER,
                    "effectiveDate",
                    f -> f.end().isBefore(f.start()),
                    f -> "The coverage period of plan " + f.plan().planId() + " ended on " + f.end()),
            new Rule(
                    EnrollmentRefusal.OUTSIDE_ENROLLMENT_WINDOW,
                    "effectiveDate",
                    f -> !f.request().bypassWindow()
                            && !(f.continuous() && f.plan().renewalsOutsideWindow())
                            && !f.plan().windowContains(f.applicationDate()),
                    f -> "Plan " + f.plan().planId() + " takes enrolments only in "
                            + describe(f.plan().windows()) + "; the application date is " + f.applicationDate()),
            new Rule(
                    EnrollmentRefusal.SHARES_EXCEEDED,
                    "shares",
                    f -> f.sharesHeld() + f.request().shares() > f.plan().maxShares(),
                    f -> "The member already holds " + f.sharesHeld() + " share(s) of "
                            + f.plan().planId() + " in the period " + f.start() + " to " + f.end() + "; at most "
                            + f.plan().maxShares() + " allowed"));

    public static Decision decide(
            PlanCatalog catalog, MemberProfile member, List<HeldEnrollment> held, Request request, LocalDate today) {
        Facts facts = facts(catalog, member, held, request, today);
        for (Rule rule : RULES) {
            rule.check(facts);
        }
        PlanVersion plan = facts.plan();
        LocalDate start = facts.start();
        LocalDate waitingEnd =
                facts.continuous() ? start : start.plusDays(plan.waiting().waitingDays());
        Money perShare = Money.of(
                request.unitTerms().premiumPerShare() != null
                        ? request.unitTerms().premiumPerShare()
                        : facts.term().premiumPerShare());
        Money premium = perShare.times(request.shares());
        ProvinceGroup group = provinceGroup(plan, member, request);
        List<FundingShare> funding = funding(plan, group, request, premium);
        return new Decision(
                plan,
                request.shares(),
                facts.term().years(),
                premium.yuan(),
                funding,
                start,
                facts.end(),
                waitingEnd,
                facts.continuous(),
                request.migration(),
                facts.applicationDate(),
                request.unitTerms().applied(),
                group);
    }

    /** The facts of a request whose start is allowed, with the plan in force on it (refused when there is none). */
    private static Facts facts(
            PlanCatalog catalog, MemberProfile member, List<HeldEnrollment> held, Request request, LocalDate today) {
        LocalDate effective = request.effectiveDate();
        Migration migration = request.migration();
        checkStart(effective, migration, request.withEnrolment(), today);
        LocalDate applicationDate = migration != null ? migration.paidOn() : today;
        LocalDate requestedStart = effective != null ? effective : today;
        PlanVersion plan = catalog.inForceOn(request.planId(), requestedStart);
        PlanVersion.Term term = plan.term(request.termYears()).orElse(null);
        LocalDate start = coverageStart(plan, requestedStart);
        LocalDate end = term == null ? null : coverageEnd(plan, start, term.years());
        boolean continuous = held.stream()
                .filter(h -> h.planId().equals(plan.planId()) && h.inForce())
                .anyMatch(h ->
                        h.coverageStart().isBefore(start) && !h.coverageEnd().isBefore(start.minusDays(1)));
        int sharesHeld = end == null
                ? 0
                : held.stream()
                        .filter(h -> h.planId().equals(plan.planId()) && h.overlaps(start, end))
                        .mapToInt(HeldEnrollment::shares)
                        .sum();
        return new Facts(plan, member, request, today, applicationDate, term, start, end, continuous, sharesHeld);
    }

    /**
     * No one buys cover for a day already past: cover starts no earlier than the day the application is received, unless
     * it is the scheme administrator's migration of a historical enrolment (paid on or before today, with a start of its
     * own) or a gift starting with the enrolment that earned it.
     */
    public static void checkStart(LocalDate effective, Migration migration, boolean withEnrolment, LocalDate today) {
        if (migration != null) {
            if (effective == null) {
                throw new EnrollmentRefusedException(
                        EnrollmentRefusal.MIGRATION_WITHOUT_START,
                        "effectiveDate",
                        "A migrated enrolment names the day its cover started in the legacy system");
            }
            if (migration.paidOn().isAfter(today)) {
                throw new EnrollmentRefusedException(
                        EnrollmentRefusal.PAID_IN_FUTURE,
                        "paidOn",
                        "A migrated enrolment was paid on or before today (" + today + ")");
            }
        } else if (!withEnrolment && effective != null && effective.isBefore(today)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.START_IN_PAST,
                    "effectiveDate",
                    "Cover cannot start before the day the application is received (" + today
                            + "); a historical enrolment is migrated by the scheme administrator with its payment");
        }
    }

    /**
     * The group the province funds the member's enrolment for, by the plan's funding rule: the whole premium for a
     * status it names (hardship, model worker), else its part for members meeting every requirement (union member, unit
     * paying its dues in full). Null when the province pays nothing: no rule, a gift or migration's payer, a requirement
     * not met, or the city's quota spent.
     */
    static ProvinceGroup provinceGroup(PlanVersion plan, MemberProfile member, Request request) {
        PlanVersion.FundingRule rule = plan.funding();
        if (rule == null || !request.paidByMemberOrUnit() || request.provinceQuotaSpent()) {
            return null;
        }
        Optional<String> paysAll =
                rule.provincePaysAllFor().stream().filter(member::hasStatus).findFirst();
        if (paysAll.isPresent()) {
            return ProvinceGroup.ofStatus(paysAll.get());
        }
        boolean admitted = rule.province().signum() > 0
                && rule.provinceRequires().stream()
                        .allMatch(r -> "DUES_PAYING_UNIT".equals(r)
                                ? request.unitPaysDues().getAsBoolean()
                                : member.hasStatus(r));
        return admitted ? ProvinceGroup.UNION_MEMBERS : null;
    }

    /**
     * Gifts are paid by their payer. Otherwise the province pays for its group (all of the premium for hardship and model
     * workers, its part per share for union members), then a unit's subsidy (per person, never more than what is left),
     * and whoever pays (the member, or the unit for a roster) bears the rest. Shares of zero are left out.
     */
    static List<FundingShare> funding(PlanVersion plan, ProvinceGroup group, Request request, Money premium) {
        if (!request.paidByMemberOrUnit()) {
            return List.of(FundingShare.of(request.payer(), premium));
        }
        if (group == ProvinceGroup.HARDSHIP || group == ProvinceGroup.MODEL_WORKERS) {
            return List.of(FundingShare.of(Payer.PROVINCE, premium));
        }
        List<FundingShare> shares = new java.util.ArrayList<>();
        Money rest = premium;
        if (group == ProvinceGroup.UNION_MEMBERS) {
            Money province =
                    Money.of(plan.funding().province()).times(request.shares()).min(rest);
            shares.add(FundingShare.of(Payer.PROVINCE, province));
            rest = rest.minus(province);
        }
        UnitTerms terms = request.unitTerms();
        Money subsidyPerPerson = Money.of(terms.subsidyPerPerson());
        if (subsidyPerPerson.isPositive()) {
            Money subsidy = subsidyPerPerson.min(rest);
            shares.add(FundingShare.of(terms.subsidyPayer(), subsidy));
            rest = rest.minus(subsidy);
        }
        shares.add(FundingShare.of(request.payer(), rest));
        return shares.stream().filter(s -> s.amount().signum() > 0).toList();
    }

    public static LocalDate coverageStart(PlanVersion plan, LocalDate requested) {
        PlanVersion.Coverage coverage = plan.coverage();
        return switch (coverage.type()) {
            case TERM -> requested;
            case FIXED_PERIOD -> requested.isBefore(coverage.start()) ? coverage.start() : requested;
            case ANNUAL_PERIOD -> requested;
        };
    }

    public static LocalDate coverageEnd(PlanVersion plan, LocalDate start, int termYears) {
        PlanVersion.Coverage coverage = plan.coverage();
        return switch (coverage.type()) {
            case TERM -> start.plusYears(termYears).minusDays(1);
            case FIXED_PERIOD -> coverage.end();
            case ANNUAL_PERIOD -> {
                MonthDay periodStart = MonthDay.parse("--" + coverage.periodStart());
                LocalDate thisYears = periodStart.atYear(start.getYear());
                LocalDate currentPeriodStart = start.isBefore(thisYears) ? thisYears.minusYears(1) : thisYears;
                yield currentPeriodStart.plusYears(termYears).minusDays(1);
            }
        };
    }

    private static String describe(List<PlanVersion.Window> windows) {
        return windows.stream().map(w -> w.from() + ".." + w.to()).toList().toString();
    }
}
