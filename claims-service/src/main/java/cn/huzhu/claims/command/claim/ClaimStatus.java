package cn.huzhu.claims.command.claim;

/**
 * APPROVED: something is paid; REJECTED: nothing is, with the reason; IN_REVIEW: an adjudicator decides before anything is
 * paid; PENDING_COVERAGE: the member has no cover on the event date in claims' view yet (it reaches claims over Kafka, a
 * moment after the enrolment): decided when it comes, rejected NO_COVERAGE when it has not come by {@code pendingUntil}.
 */
public enum ClaimStatus {
    APPROVED,
    REJECTED,
    IN_REVIEW,
    PENDING_COVERAGE
}
