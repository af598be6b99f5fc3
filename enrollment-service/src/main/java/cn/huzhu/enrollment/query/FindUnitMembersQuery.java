package cn.huzhu.enrollment.query;

import java.util.UUID;

/** The ids of a unit's registered members. */
public record FindUnitMembersQuery(UUID unitId) {}
