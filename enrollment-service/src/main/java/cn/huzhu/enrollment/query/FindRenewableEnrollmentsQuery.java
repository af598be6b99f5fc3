package cn.huzhu.enrollment.query;

import java.util.UUID;

/** Paid enrolments of a unit's members in a plan whose coverage started in the year and that are not yet renewed. */
public record FindRenewableEnrollmentsQuery(UUID unitId, String planId, int year) {}
