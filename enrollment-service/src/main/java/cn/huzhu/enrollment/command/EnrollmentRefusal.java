package cn.huzhu.enrollment.command;

/**
 * Every reason enrolment refuses a request, with what it means. Answered as the problem's {@code code} (the constant's
 * name) and stored by name on a roster's rejected rows, so a constant is never renamed.
 */
public enum EnrollmentRefusal {
    // the member's request against the plan's rules (EnrollmentPolicy's rules, in their order)
    /** The cover would start more than a year ahead. */
    EFFECTIVE_DATE_TOO_FAR,
    /** The plan is not for the member's category (in service, retired). */
    CATEGORY_NOT_ELIGIBLE,
    /** The plan is for members of the other gender. */
    GENDER_NOT_ELIGIBLE,
    /** The plan asks for a status the member lacks (union member, a unit paying its dues, …). */
    REQUIREMENT_NOT_MET,
    /** The plan is sold to units for their rosters only. */
    GROUP_ONLY_PLAN,
    /** Fewer than one share was asked for. */
    INVALID_SHARES,
    /** More shares were asked for than the plan allows one member. */
    TOO_MANY_SHARES,
    /** The plan offers no term of the length asked for. */
    TERM_NOT_OFFERED,
    /** The plan's coverage period ended before the cover would start, or before the premium came. */
    COVERAGE_PERIOD_OVER,
    /** The day is outside the plan's enrolment windows. */
    OUTSIDE_ENROLLMENT_WINDOW,
    /** With the shares the member already holds in the period, more than the plan allows. */
    SHARES_EXCEEDED,

    // when cover may start
    /** Cover would start before the day the application is received. */
    START_IN_PAST,
    /** A migrated enrolment does not name the day its cover started. */
    MIGRATION_WITHOUT_START,
    /** A migrated enrolment is said to have been paid after today. */
    PAID_IN_FUTURE,

    // the catalogue and the registers
    /** There is no such plan. */
    UNKNOWN_PLAN,
    /** No version of the plan was in force on the day. */
    PLAN_NOT_IN_FORCE,
    /** There is no such district in the registry. */
    UNKNOWN_DISTRICT,
    /** The member is registered with another unit. */
    MEMBER_IN_OTHER_UNIT,
    /** The member is registered in another district. */
    MEMBER_IN_OTHER_DISTRICT,
    /** A bank account must be held by the member. */
    HOLDER_NOT_MEMBER,

    // premiums and payments
    /** Payments are recorded by finance, with the bank's reference. */
    FINANCE_ONLY,
    /** The member has no such enrolment. */
    UNKNOWN_ENROLLMENT,
    /** The enrolment's premium is already collected. */
    ALREADY_COLLECTED,
    /** A premium cannot have been paid before the enrolment was applied for. */
    PAID_BEFORE_APPLICATION,
    /** The plan takes no premiums after its deadline. */
    PREMIUM_AFTER_DEADLINE,
    /** A roster's payment must fall between its submission and today. */
    PAID_OUTSIDE_ROSTER,
    /** The roster was already paid, with another reference or amount. */
    ALREADY_PAID,
    /** The roster enrolled nobody, so nothing is due. */
    NOTHING_TO_PAY,
    /** The transfer differs from what the roster's enrolments are due. */
    PAYMENT_AMOUNT_MISMATCH,

    // the province's money and the union's gifts
    /** The plan has no quotas of the province's money. */
    NO_PROVINCE_QUOTAS,
    /** A district's quota would be set below the places already taken. */
    QUOTA_BELOW_TAKEN,
    /** The quotas would cost the province more than its budget for the plan. */
    BUDGET_EXCEEDED,
    /** The plan is not given to units as a gift. */
    NO_GIFT_RULE,
    /** The unit does not meet the gift's conditions (district, nature, enrolment or payout ratio). */
    UNIT_NOT_QUALIFIED
}
