package cn.huzhu.claims.engine;

/**
 * Every reason a claim or one of its benefits is not paid, as the member, the union and the hospital desk are answered
 * (the code of a {@link Rejection}; stored and published as its name). The engine's codes come first, then those of the
 * claim as a whole.
 */
public enum RejectionCode {
    /** The event is outside the enrolment's cover. */
    NOT_COVERED,
    /** The plan excludes the event (drunk driving, fraud, …), as an adjudicator asserted. */
    EXCLUDED,
    /** The plan pays no benefit of this type for this cause (a work injury under a plan for illness, …). */
    CAUSE_NOT_COVERED,
    /** The plan pays a death of other causes only. */
    DEATH_CAUSE_NOT_COVERED,
    /** The plan pays a death certified as work-related (工亡) only. */
    DEATH_NOT_WORK_RELATED,
    /** The bill has none of what the rule reimburses (co-pay, deductible, …). */
    NO_BASE,
    /** The annual cap of the rule is used up. */
    CAP_REACHED,
    /** A daily allowance, and the claim gives no hospital days. */
    NO_HOSPITAL_DAYS,
    /** The plan does not list the disease (for this benefit, or on that date). */
    DISEASE_NOT_COVERED,
    /** The diagnosis was not made at a hospital of the grade the plan asks for. */
    HOSPITAL_NOT_ELIGIBLE,
    /** Diagnosed in the waiting period. */
    IN_WAITING_PERIOD,
    /** The disease was first diagnosed in a waiting period of the member's cover: its lump sum is never paid. */
    NOT_FIRST_DIAGNOSIS,
    /** Paid before, once per term, year or lifetime as the plan says. */
    ALREADY_PAID,
    /** The year's cumulative amount reaches no new bracket of a top-up. */
    BELOW_BRACKET,
    /** The plan's table has no row for the injury grade. */
    GRADE_NOT_IN_TABLE,
    /** No rule of the plan, and no enrolment, pays for this claim. */
    NO_BENEFIT,
    /** The member has no enrolment that covers the event date. */
    NO_COVERAGE,
    /** The enrolments that cover the date are not in force: their premium is not collected. */
    PREMIUM_NOT_COLLECTED,
    /** The rules of the plan in force on the date have not reached claims yet. */
    PLAN_UNKNOWN,
    /** No cover has reached claims yet: the claim waits for it (PENDING_COVERAGE). */
    COVERAGE_NOT_YET_KNOWN,
    /** An adjudicator rejected the claim in review, with the reason given. */
    REJECTED_IN_REVIEW
}
