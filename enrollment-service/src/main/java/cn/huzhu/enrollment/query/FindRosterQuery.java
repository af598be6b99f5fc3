package cn.huzhu.enrollment.query;

public record FindRosterQuery(String rosterId) {}
