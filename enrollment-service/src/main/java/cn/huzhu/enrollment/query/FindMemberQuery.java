package cn.huzhu.enrollment.query;

import java.util.UUID;

public record FindMemberQuery(UUID memberId) {}
