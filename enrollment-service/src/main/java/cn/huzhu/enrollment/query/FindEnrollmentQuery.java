package cn.huzhu.enrollment.query;

import java.util.UUID;

public record FindEnrollmentQuery(UUID enrollmentId) {}
