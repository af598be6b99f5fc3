package cn.huzhu.enrollment.command.plan;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.identity.Gender;
import cn.huzhu.vocabulary.Payer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/**
 * One immutable version of a plan, as far as enrolment needs it. The benefit rules travel untouched in
 * {@link #definitionJson()} for the services that adjudicate claims.
 */
public record PlanVersion(
        String planId,
        int version,
        String name,
        String region,
        LocalDate validFrom,
        Eligibility eligibility,
        List<Term> terms,
        int maxShares,
        Coverage coverage,
        List<Window> windows,
        boolean renewalsOutsideWindow,
        Waiting waiting,
        List<Gift> gifts,
        FundingRule funding,
        GroupRules groupRules,
        UnitIncentives unitIncentives,
        GiftRule giftRule,
        String definitionJson) {

    public PlanVersion {
        terms = List.copyOf(terms);
        windows = windows == null ? List.of() : List.copyOf(windows);
        gifts = gifts == null ? List.of() : List.copyOf(gifts);
        waiting = waiting == null ? new Waiting(0, 0) : waiting;
        eligibility = eligibility == null ? new Eligibility(List.of(), List.of(), List.of(), false) : eligibility;
        if (terms.isEmpty()) {
            throw new IllegalArgumentException(planId + " v" + version + " offers no term");
        }
        if (maxShares < 1) {
            throw new IllegalArgumentException(planId + " v" + version + " must allow at least one share");
        }
    }

    public Optional<Term> term(Integer years) {
        if (years == null) {
            return Optional.of(terms.get(0));
        }
        return terms.stream().filter(t -> t.years() == years).findFirst();
    }

    public boolean windowContains(LocalDate date) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(date));
    }

    /**
     * Who pays the premium when the member is not gifted: the province pays {@code province} per share (never more than the
     * premium) to members who meet every one of {@code provinceRequires} (UNION_MEMBER: the member is a union member;
     * DUES_PAYING_UNIT: their unit pays its union dues in full; none listed: everyone), and all of it for members with one
     * of {@code provincePaysAllFor} (HARDSHIP, MODEL_WORKER); the member or unit pays the rest. With {@code quotas}, the
     * province's money is taken from each city's quota of the plan year and stops when it is spent. Absent: the member
     * pays everything.
     */
    public record FundingRule(
            String rule,
            BigDecimal province,
            List<String> provinceRequires,
            List<String> provincePaysAllFor,
            ProvinceQuotas quotas) {
        public FundingRule {
            province = province == null ? BigDecimal.ZERO : province;
            provinceRequires = provinceRequires == null ? List.of() : List.copyOf(provinceRequires);
            provincePaysAllFor = provincePaysAllFor == null ? List.of() : List.copyOf(provincePaysAllFor);
        }

        /** Whether the province's part needs the unit's dues to be paid in full. */
        public boolean needsDuesPayingUnit() {
            return provinceRequires.contains("DUES_PAYING_UNIT");
        }
    }

    /**
     * The province's budget of a plan year, shared out as quotas per district (Guangdong: per city, 50 M): the quotas
     * set for the cities may together cost no more than {@code budget}.
     */
    public record ProvinceQuotas(String per, BigDecimal budget) {}

    /**
     * What a unit's roster must cover: at least {@code minimumShareOfInsuredStaff} of the staff in basic medical
     * insurance, and all of them in a unit of at most {@code everyoneUpToInServiceStaff} in-service staff (Quzhou:
     * 在职职工人数在50人以下, 50 included as Civil Code art. 1259 reads 以下). {@code everyoneBelowHeadcount} is the reading
     * of versions before that correction (fewer than that many insured staff). Absent: no rule.
     */
    public record GroupRules(
            BigDecimal minimumShareOfInsuredStaff, Integer everyoneUpToInServiceStaff, Integer everyoneBelowHeadcount) {

        /** How many members a unit with this many insured and in-service staff must have enrolled. */
        public int required(int insuredStaff, int inServiceStaff) {
            if (minimumShareOfInsuredStaff == null || everyone(insuredStaff, inServiceStaff)) {
                return insuredStaff;
            }
            return minimumShareOfInsuredStaff
                    .multiply(BigDecimal.valueOf(insuredStaff))
                    .setScale(0, java.math.RoundingMode.CEILING)
                    .intValueExact();
        }

        /** Whether a unit of this size enrols all its staff in basic insurance. */
        public boolean everyone(int insuredStaff, int inServiceStaff) {
            return everyoneUpToInServiceStaff != null && inServiceStaff <= everyoneUpToInServiceStaff
                    || everyoneBelowHeadcount != null && insuredStaff < everyoneBelowHeadcount;
        }
    }

    /**
     * What a unit's roster may earn (Jiangshan 2020, section 六): a lower premium per share for units whose figures of
     * an earlier year pass the discount's thresholds (read with every other threshold by
     * {@link cn.huzhu.plans.PlanThresholds}); and a subsidy per enrolled person, by the unit's number of enrolled members,
     * for units of the given natures, paid by {@code payer}. Either may be absent; they stack.
     */
    public record UnitIncentives(RenewalDiscount renewalDiscount, Subsidy subsidy) {}

    /** The premium per share a unit that earns the renewal discount pays. */
    public record RenewalDiscount(BigDecimal premiumPerShare) {}

    public record Subsidy(Payer payer, List<UnitNature> natures, List<SubsidyTier> tiers) {
        public Subsidy {
            natures = natures == null ? List.of() : List.copyOf(natures);
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
        }

        /** The subsidy per person for a unit with this many enrolled members (the highest tier reached), or zero. */
        public BigDecimal perPerson(int enrolled) {
            BigDecimal amount = BigDecimal.ZERO;
            for (SubsidyTier tier : tiers) {
                if (enrolled >= tier.from()) {
                    amount = tier.perPerson();
                }
            }
            return amount;
        }
    }

    /**
     * Huzhou: the union gifts a share of this plan to every worker of a unit whose figures of the year before the gift
     * (an assumption: the news report says "this year") pass the gift's thresholds, in the plan {@code figuresOfPlan} when
     * given (imported figures of a plan the platform may not run). The thresholds and the units the gift is for are read,
     * as every service reads them, by {@link cn.huzhu.plans.PlanThresholds}.
     */
    public record GiftRule(String figuresOfPlan) {

        public static final Payer PAYER = Payer.UNION;
    }

    /** From {@code from} enrolled members on (tiers in ascending order), {@code perPerson} yuan. */
    public record SubsidyTier(int from, BigDecimal perPerson) {}

    /**
     * Who may enrol (empty lists: no restriction): members of these categories and genders with these union statuses; with {@code groupOnly} only
     * through their unit's roster (Quzhou: 以团体形式集体参保), a historical enrolment migrated by the administrator excepted.
     */
    public record Eligibility(
            List<MemberCategory> categories, List<Gender> genders, List<Requirement> requires, boolean groupOnly) {
        public Eligibility {
            categories = categories == null ? List.of() : List.copyOf(categories);
            genders = genders == null ? List.of() : List.copyOf(genders);
            requires = requires == null ? List.of() : List.copyOf(requires);
        }
    }

    /** A condition on the member's union status. */
    public enum Requirement {
        SERVICE_CARD,
        REAL_NAME_VERIFIED
    }

    /** A term on offer: its length and the premium per share for it. */
    public record Term(int years, BigDecimal premiumPerShare) {}

    /**
     * How the covered period is set: {@code TERM} runs the bought term from the effective date;
     * {@code FIXED_PERIOD} covers [start, end] whatever the enrolment date (e.g. calendar year 2022);
     * {@code ANNUAL_PERIOD} covers the protection year that starts each year on {@code periodStart} (MM-dd).
     * {@code premiumsUntil}, when given, is the last day a premium is taken (Quzhou: 逾期不再受理 after 2019-11-30).
     */
    public record Coverage(
            CoverageType type, LocalDate start, LocalDate end, String periodStart, LocalDate premiumsUntil) {
        public Coverage {
            type = type == null ? CoverageType.TERM : type;
        }
    }

    public enum CoverageType {
        TERM,
        FIXED_PERIOD,
        ANNUAL_PERIOD
    }

    /**
     * An enrolment window. {@code from}/{@code to} are either dates (yyyy-MM-dd) or recurring month-days
     * (MM-dd), both inclusive.
     */
    public record Window(String from, String to) {
        public boolean contains(LocalDate date) {
            if (from.length() == 10) {
                return !date.isBefore(LocalDate.parse(from)) && !date.isAfter(LocalDate.parse(to));
            }
            MonthDay day = MonthDay.from(date);
            MonthDay start = MonthDay.parse("--" + from);
            MonthDay end = MonthDay.parse("--" + to);
            return start.isAfter(end)
                    ? !day.isBefore(start) || !day.isAfter(end)
                    : !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** Days after the effective date with no benefit, and from when a condolence payment applies. */
    public record Waiting(int waitingDays, int condolenceFromDays) {}

    /**
     * A gifted enrolment earned by enrolling in this plan: {@code shares} of {@code giftPlanId} for
     * {@code termYears}, premium paid by {@code payer}, for members meeting {@code requires}, when the
     * qualifying enrolment is made between {@code campaignFrom} and {@code campaignTo}.
     */
    public record Gift(
            String giftPlanId,
            int termYears,
            int shares,
            Payer payer,
            List<Requirement> requires,
            LocalDate campaignFrom,
            LocalDate campaignTo) {
        public Gift {
            requires = requires == null ? List.of() : List.copyOf(requires);
        }

        public boolean inCampaign(LocalDate date) {
            return (campaignFrom == null || !date.isBefore(campaignFrom))
                    && (campaignTo == null || !date.isAfter(campaignTo));
        }
    }
}
