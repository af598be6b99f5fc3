package cn.huzhu.claims.engine;

import java.time.LocalDate;

/**
 * The keys of a {@link BenefitAccount}, spelled in one place: they are stored with the account in the claims' events and
 * the benefit accounts, so their spelling is part of the stored shape. Running amounts are {@code base:}, {@code cap:} and
 * {@code paid:}; one-time payments name the rule and the period they are once in, a lifetime one ending in {@code :lifetime}.
 */
final class AccountKeys {

    static final String LIFETIME = "lifetime";
    private static final String LIFETIME_SUFFIX = ":" + LIFETIME;

    private AccountKeys() {}

    /** The cumulative base a rule has counted in the coverage year (annual deductibles, brackets). */
    static String base(String ruleId) {
        return "base:" + ruleId;
    }

    /** What a rule has paid so far in the coverage year (the top-up of cumulative brackets). */
    static String paid(String ruleId) {
        return "paid:" + ruleId;
    }

    /** What the rules sharing a cap have paid against it. */
    static String cap(String capGroup) {
        return "cap:" + capGroup;
    }

    /** The first-hospitalisation allowance: once per enrolment, or once in the member's life under the plan. */
    static String allowance(String ruleId, boolean lifetime) {
        return "allowance:" + ruleId + (lifetime ? LIFETIME_SUFFIX : "");
    }

    /** A lump sum for a listed disease, once in the rule's period. */
    static String lumpSum(String ruleId, BenefitRule.Once once, Coverage coverage, LocalDate date) {
        return "lump-sum:" + ruleId + ":" + period(once, coverage, date);
    }

    /** The condolence paid instead of a lump sum for a diagnosis in the waiting period, once per enrolment. */
    static String condolence(String ruleId, Coverage coverage) {
        return "condolence:" + ruleId + ":" + coverage.enrollmentId();
    }

    /** A condolence for a disease the plan does not list, once in the rule's period. */
    static String otherCondolence(String ruleId, BenefitRule.Once once, Coverage coverage, LocalDate date) {
        return "other-condolence:" + ruleId + ":" + period(once, coverage, date);
    }

    /**
     * The mark of a listed disease's first diagnosis (首次确诊), kept for the member's life under the plan: made when it is
     * diagnosed in a waiting period (condolence or nothing), it stops a later lump sum for the same disease.
     */
    static String firstDiagnosis(String disease) {
        return "diagnosed:" + disease + LIFETIME_SUFFIX;
    }

    /** Whether a one-time payment is once in the member's life under the plan, not once per enrolment. */
    static boolean isLifetime(String key) {
        return key.endsWith(LIFETIME_SUFFIX);
    }

    private static String period(BenefitRule.Once once, Coverage coverage, LocalDate date) {
        return switch (once) {
            case TERM -> coverage.enrollmentId();
            case YEAR -> String.valueOf(date.getYear());
            case LIFETIME -> LIFETIME;
        };
    }
}
