package cn.huzhu.security;

/**
 * The roles a token may carry (claim {@code roles}). Scope comes with the token too: a MEMBER's {@code member}, a
 * UNIT_CLERK's {@code unit}, a DISTRICT_OFFICER's {@code district}.
 */
public enum Role {
    /** A worker: only their own member record, enrolments, claims, payouts and debts. */
    MEMBER,
    /** A unit's union clerk: members, rosters and enrolments of that unit. */
    UNIT_CLERK,
    /** A district union office: units and members of that district. */
    DISTRICT_OFFICER,
    /** Decides claims in review and revokes claims; reads claims with their diagnoses. */
    ADJUDICATOR,
    /** Premium collections, roster payments, payouts, batches and repayments. */
    FINANCE,
    /** Plans, targets, migrated figures, projection rebuilds and the audit log. */
    SCHEME_ADMIN,
    /** Reports only. */
    DASHBOARD_VIEWER,
    /** A district office's feed over Kafka (enrolment batches, hospital settlements); never a REST caller. */
    REGIONAL_OFFICE;

    /** Every role a person may have on the REST API. */
    public static final java.util.List<Role> PEOPLE = java.util.List.of(
            MEMBER, UNIT_CLERK, DISTRICT_OFFICER, ADJUDICATOR, FINANCE, SCHEME_ADMIN, DASHBOARD_VIEWER);

    public String authority() {
        return "ROLE_" + name();
    }
}
