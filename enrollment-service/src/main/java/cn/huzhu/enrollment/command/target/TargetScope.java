package cn.huzhu.enrollment.command.target;

/** Whose enrolment target: one unit's, or a whole district's. */
public enum TargetScope {
    UNIT,
    DISTRICT
}
