package cn.huzhu.claims.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The building blocks of every plan's benefits (PLANS.md), as read from a plan version's definition. */
public sealed interface BenefitRule {

    Set<ClaimType> claimTypes();

    /** Causes for which the rule pays nothing (Wujin: no hospitalisation benefit for a work injury). */
    default Set<Cause> notFor() {
        return Set.of();
    }

    /** A payment made once per enrolment term, per calendar year of the event, or once in a lifetime. */
    enum Once {
        TERM,
        YEAR,
        LIFETIME
    }

    /** {@code [from, to)}; {@code to} null is open. {@code rateIfContinuous} replaces the rate for a continuous renewal. */
    record Band(BigDecimal from, BigDecimal to, BigDecimal rate, BigDecimal rateIfContinuous) {}

    /** When a bill is not settled through basic insurance the base becomes {@code rate} × another amount. */
    record Substitution(String when, String base, BigDecimal rate) {}

    /** Banded reimbursement of a base, each claim on its own or cumulative over the coverage year; optional annual cap per share. */
    record Banded(
            Set<ClaimType> claimTypes,
            Set<Cause> notFor,
            Base base,
            boolean annual,
            List<Band> bands,
            BigDecimal annualCapPerShare,
            String capGroup)
            implements BenefitRule {}

    /** A flat rate of a base, with an optional annual cap per share and its own rounding. */
    record FlatRate(
            Set<ClaimType> claimTypes,
            Set<Cause> notFor,
            Base base,
            BigDecimal rate,
            BigDecimal annualCapPerShare,
            String capGroup,
            Rounding rounding)
            implements BenefitRule {}

    /**
     * So much per hospital day, optionally capped in days, optionally for the first hospitalisation only: the first in
     * the term, or with {@code once} LIFETIME the first ever under the plan (Huzhou's allowance follows the first diagnosis);
     * with {@code diseases}, only for a diagnosis on that list (Huzhou: no listed disease, no allowance).
     */
    record DailyAllowance(
            Set<ClaimType> claimTypes,
            BigDecimal perDay,
            Integer maxDays,
            boolean firstHospitalizationOnly,
            Once once,
            Set<String> diseases)
            implements BenefitRule {}

    /** A fixed amount for the first hospitalisation in the term. */
    record FirstHospitalizationSubsidy(Set<ClaimType> claimTypes, BigDecimal amount) implements BenefitRule {}

    /** A claim that computes to something positive but less than {@code amount} is paid {@code amount}. */
    record MinimumPayout(Set<ClaimType> claimTypes, BigDecimal amount) implements BenefitRule {}

    /** A disease listed only for diagnoses in a period (Ningbo: COVID-19 from 2020-01-01 to 2020-07-31). */
    record TimeBoxedDisease(String disease, LocalDate diagnosedFrom, LocalDate diagnosedTo) {}

    /** The condolence paid instead of the lump sum inside the waiting period, after the condolence day. */
    record Condolence(BigDecimal amount, boolean perShare) {}

    /** A lump sum × shares for a listed diagnosis after the waiting period, once per term, year or lifetime. */
    record LumpSum(
            Set<ClaimType> claimTypes,
            BigDecimal amountPerShare,
            Once once,
            Set<String> diseases,
            List<TimeBoxedDisease> timeBoxed,
            Condolence condolence,
            Set<String> hospitalGrades)
            implements BenefitRule {}

    /** A condolence for a diagnosis on another list (Ningbo women's plan: one of the 7 special diseases). */
    record CondolenceForOtherList(
            Set<ClaimType> claimTypes,
            BigDecimal amount,
            int fromDays,
            Once once,
            Set<String> diseases,
            Set<String> excludingDiseases)
            implements BenefitRule {}

    /** {@code [from, to)} of the year's cumulative base → amount; {@code to} null is open. */
    record Bracket(BigDecimal from, BigDecimal to, BigDecimal amount) {}

    /** Fixed amounts by the year's cumulative base, paid as top-ups over what was paid before. */
    record BracketTopUp(
            Set<ClaimType> claimTypes,
            Set<Cause> notFor,
            Base base,
            List<Bracket> brackets,
            List<Substitution> substitutions)
            implements BenefitRule {}

    /**
     * Grades {@code from..to} → amount; {@code includesDeath} marks the row a death certified as work-related (工亡) is
     * paid by: a death of any other cause is not paid by the table.
     */
    record Grade(int from, int to, BigDecimal amount, boolean includesDeath) {}

    /** Work-injury grade table. */
    record GradeTable(Set<ClaimType> claimTypes, List<Grade> grades) implements BenefitRule {}

    /** A fixed amount on the member's death during cover; with {@code causes}, only for a death of those causes (Shaoxing: 因病死亡). */
    record DeathBenefit(Set<ClaimType> claimTypes, BigDecimal amount, Set<Cause> causes) implements BenefitRule {}
}
