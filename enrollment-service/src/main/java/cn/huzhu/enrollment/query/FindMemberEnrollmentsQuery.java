package cn.huzhu.enrollment.query;

import java.util.UUID;

public record FindMemberEnrollmentsQuery(UUID memberId) {}
