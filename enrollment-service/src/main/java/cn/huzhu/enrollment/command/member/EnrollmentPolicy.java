package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.province.ProvinceGroup;
import cn.huzhu.enrollment.command.unit.UnitTerms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Decides an enrolment from a plan's rules: eligibility, shares, term, enrolment window, coverage
 * period, continuity with an earlier enrolment of the same plan, waiting period and premium. Pure: all
 * facts come in as arguments, a refusal is an {@link EnrollmentRefusedException}.
 */
public final class EnrollmentPolicy {

    /** The payer of the province's money. */
    static final String PROVINCE = "PROVINCE";

    /** How far ahead an enrolment may be dated. */
    static final int MAX_DAYS_AHEAD = 366;

    private EnrollmentPolicy() {
    }

    /**
     * What the member asks for. A start ({@code effectiveDate}) on a day already past is a {@code migration} of a historical
     * enrolment, or a gift that starts with the enrolment that earned it ({@code withEnrolment}); nothing else.
     */
    public record Request(String planId, int shares, Integer termYears, LocalDate effectiveDate, String payer, boolean bypassWindow,
                          UnitTerms unitTerms, Migration migration, boolean withEnrolment, BooleanSupplier unitPaysDues,
                          boolean provinceQuotaSpent) {
        public Request {
            unitTerms = unitTerms == null ? UnitTerms.NONE : unitTerms;
            unitPaysDues = unitPaysDues == null ? () -> false : unitPaysDues;
        }

        public Request(String planId, int shares, Integer termYears, LocalDate effectiveDate, String payer, boolean bypassWindow,
                       UnitTerms unitTerms, Migration migration, boolean withEnrolment) {
            this(planId, shares, termYears, effectiveDate, payer, bypassWindow, unitTerms, migration, withEnrolment, null, false);
        }

        /** A gift of this plan, given with the enrolment that earned it or by the union to a unit. */
        static Request gift(String planId, int shares, Integer termYears, LocalDate start, String payer, Migration migration, boolean withEnrolment) {
            return new Request(planId, shares, termYears, start, payer, true, null, migration, withEnrolment);
        }

        /** Whether the member or the unit pays (the plan's funding rule applies), not the payer of a gift. */
        boolean paidByMemberOrUnit() {
            return MemberAggregate.MEMBER_PAYS.equals(payer) || MemberAggregate.UNIT_PAYS.equals(payer);
        }

        /** The same request once the city's quota of the province's money is found spent. */
        Request quotaSpent() {
            return new Request(planId, shares, termYears, effectiveDate, payer, bypassWindow, unitTerms, migration, withEnrolment,
                    unitPaysDues, true);
        }
    }

    /**
     * The enrolment as decided; {@code migration} is null unless it migrates a historical enrolment; {@code provinceGroup}
     * is the group whose quota the province's money comes from (null when the province pays nothing).
     */
    public record Decision(PlanVersion plan, int shares, int termYears, BigDecimal premium, List<FundingShare> funding,
                          LocalDate coverageStart, LocalDate coverageEnd, LocalDate waitingPeriodEnd,
                          boolean continuous, Migration migration, LocalDate applicationDate, List<String> incentives,
                          ProvinceGroup provinceGroup) {
        public boolean migrated() {
            return migration != null;
        }

        /** What the province pays of the premium. */
        public BigDecimal provinceAmount() {
            return funding.stream().filter(f -> PROVINCE.equals(f.payer())).map(FundingShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Whether the province's money comes from a city quota that must be taken before the enrolment is recorded. */
        public boolean takesProvinceQuota() {
            return provinceGroup != null && plan.funding().quotas() != null;
        }
    }

    public static Decision decide(PlanCatalog catalog, MemberProfile member, List<HeldEnrollment> held, Request request, LocalDate today) {
        LocalDate effective = request.effectiveDate();
        Migration migration = request.migration();
        checkStart(effective, migration, request.withEnrolment(), today);
        boolean migrated = migration != null;
        LocalDate applicationDate = migrated ? migration.paidOn() : today;
        LocalDate requestedStart = effective != null ? effective : today;
        PlanVersion plan = catalog.inForceOn(request.planId(), requestedStart);
        if (effective != null && effective.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new EnrollmentRefusedException("EFFECTIVE_DATE_TOO_FAR", "effectiveDate",
                    "The effective date may be at most " + MAX_DAYS_AHEAD + " days ahead");
        }

        checkEligibility(plan, member);
        if (plan.eligibility().groupOnly() && !MemberAggregate.UNIT_PAYS.equals(request.payer()) && !migrated) {
            throw new EnrollmentRefusedException("GROUP_ONLY_PLAN", "planId",
                    "Plan " + plan.planId() + " is taken by units for their staff: enrol through the unit's roster");
        }
        if (request.shares() < 1) {
            throw new EnrollmentRefusedException("INVALID_SHARES", "shares", "At least one share is required");
        }
        if (request.shares() > plan.maxShares()) {
            throw new EnrollmentRefusedException("TOO_MANY_SHARES", "shares",
                    "Plan " + plan.planId() + " allows at most " + plan.maxShares() + " share(s) per member");
        }
        PlanVersion.Term term = plan.term(request.termYears())
                .orElseThrow(() -> new EnrollmentRefusedException("TERM_NOT_OFFERED", "termYears",
                        "Plan " + plan.planId() + " offers terms of " + plan.terms().stream().map(PlanVersion.Term::years).toList() + " year(s)"));

        LocalDate start = coverageStart(plan, requestedStart);
        LocalDate end = coverageEnd(plan, start, term.years());
        if (end.isBefore(start)) {
            throw new EnrollmentRefusedException("COVERAGE_PERIOD_OVER", "effectiveDate",
                    "The coverage period of plan " + plan.planId() + " ended on " + end);
        }
        Optional<HeldEnrollment> previous = held.stream()
                .filter(h -> h.planId().equals(plan.planId()) && h.inForce())
                .filter(h -> h.coverageStart().isBefore(start) && !h.coverageEnd().isBefore(start.minusDays(1)))
                .findFirst();
        boolean continuous = previous.isPresent();

        boolean windowApplies = !request.bypassWindow() && !(continuous && plan.renewalsOutsideWindow());
        if (windowApplies && !plan.windowContains(applicationDate)) {
            throw new EnrollmentRefusedException("OUTSIDE_ENROLLMENT_WINDOW", "effectiveDate",
                    "Plan " + plan.planId() + " takes enrolments only in " + describe(plan.windows()) + "; the application date is " + applicationDate);
        }
        int sharesHeld = held.stream()
                .filter(h -> h.planId().equals(plan.planId()) && h.overlaps(start, end))
                .mapToInt(HeldEnrollment::shares).sum();
        if (sharesHeld + request.shares() > plan.maxShares()) {
            throw new EnrollmentRefusedException("SHARES_EXCEEDED", "shares",
                    "The member already holds " + sharesHeld + " share(s) of " + plan.planId() + " in the period "
                            + start + " to " + end + "; at most " + plan.maxShares() + " allowed");
        }
        LocalDate waitingEnd = continuous ? start : start.plusDays(plan.waiting().waitingDays());
        BigDecimal perShare = request.unitTerms().premiumPerShare() != null ? request.unitTerms().premiumPerShare() : term.premiumPerShare();
        BigDecimal premium = perShare.multiply(BigDecimal.valueOf(request.shares())).setScale(2, RoundingMode.UNNECESSARY);
        ProvinceGroup group = provinceGroup(plan, member, request);
        List<FundingShare> funding = funding(plan, group, request, premium);
        return new Decision(plan, request.shares(), term.years(), premium, funding, start, end, waitingEnd, continuous, migration,
                applicationDate, request.unitTerms().applied(), group);
    }

    /**
     * No one buys cover for a day already past: cover starts no earlier than the day the application is received, unless
     * it is the scheme administrator's migration of a historical enrolment (paid on or before today, with a start of its
     * own) or a gift starting with the enrolment that earned it.
     */
    public static void checkStart(LocalDate effective, Migration migration, boolean withEnrolment, LocalDate today) {
        if (migration != null) {
            if (effective == null) {
                throw new EnrollmentRefusedException("MIGRATION_WITHOUT_START", "effectiveDate",
                        "A migrated enrolment names the day its cover started in the legacy system");
            }
            if (migration.paidOn().isAfter(today)) {
                throw new EnrollmentRefusedException("PAID_IN_FUTURE", "paidOn", "A migrated enrolment was paid on or before today (" + today + ")");
            }
        } else if (!withEnrolment && effective != null && effective.isBefore(today)) {
            throw new EnrollmentRefusedException("START_IN_PAST", "effectiveDate", "Cover cannot start before the day the application is received ("
                    + today + "); a historical enrolment is migrated by the scheme administrator with its payment");
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
        Optional<String> paysAll = rule.provincePaysAllFor().stream().filter(member::hasStatus).findFirst();
        if (paysAll.isPresent()) {
            return ProvinceGroup.ofStatus(paysAll.get());
        }
        boolean admitted = rule.province().signum() > 0 && rule.provinceRequires().stream()
                .allMatch(r -> "DUES_PAYING_UNIT".equals(r) ? request.unitPaysDues().getAsBoolean() : member.hasStatus(r));
        return admitted ? ProvinceGroup.UNION_MEMBERS : null;
    }

    /**
     * Gifts are paid by their payer. Otherwise the province pays for its group (all of the premium for hardship and model
     * workers, its part per share for union members), then a unit's subsidy (per person, never more than what is left),
     * and whoever pays (the member, or the unit for a roster) bears the rest. Shares of zero are left out.
     */
    static List<FundingShare> funding(PlanVersion plan, ProvinceGroup group, Request request, BigDecimal premium) {
        if (!request.paidByMemberOrUnit()) {
            return List.of(new FundingShare(request.payer(), premium));
        }
        if (group == ProvinceGroup.HARDSHIP || group == ProvinceGroup.MODEL_WORKERS) {
            return List.of(new FundingShare(PROVINCE, premium));
        }
        List<FundingShare> shares = new java.util.ArrayList<>();
        BigDecimal rest = premium;
        if (group == ProvinceGroup.UNION_MEMBERS) {
            BigDecimal province = plan.funding().province().multiply(BigDecimal.valueOf(request.shares())).min(rest).setScale(2, RoundingMode.UNNECESSARY);
            shares.add(new FundingShare(PROVINCE, province));
            rest = rest.subtract(province);
        }
        UnitTerms terms = request.unitTerms();
        if (terms.subsidyPerPerson().signum() > 0) {
            BigDecimal subsidy = terms.subsidyPerPerson().min(rest).setScale(2, RoundingMode.UNNECESSARY);
            shares.add(new FundingShare(terms.subsidyPayer(), subsidy));
            rest = rest.subtract(subsidy);
        }
        shares.add(new FundingShare(request.payer(), rest));
        return shares.stream().filter(s -> s.amount().signum() > 0).toList();
    }

    private static void checkEligibility(PlanVersion plan, MemberProfile member) {
        PlanVersion.Eligibility eligibility = plan.eligibility();
        if (!eligibility.categories().isEmpty() && !eligibility.categories().contains(member.category())) {
            throw new EnrollmentRefusedException("CATEGORY_NOT_ELIGIBLE", "memberId",
                    "Plan " + plan.planId() + " is for " + eligibility.categories() + " members; this member is " + member.category());
        }
        if (!eligibility.genders().isEmpty() && !eligibility.genders().contains(member.gender())) {
            throw new EnrollmentRefusedException("GENDER_NOT_ELIGIBLE", "memberId",
                    "Plan " + plan.planId() + " is for " + eligibility.genders() + " members only");
        }
        for (PlanVersion.Requirement requirement : eligibility.requires()) {
            if (!member.meets(requirement)) {
                throw new EnrollmentRefusedException("REQUIREMENT_NOT_MET", "memberId",
                        "Plan " + plan.planId() + " requires " + requirement);
            }
        }
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
