package cn.huzhu.enrollment.command.roster;

/** ENROLLED by this roster; ALREADY_ENROLLED earlier (a resubmitted row, no effect); REJECTED with a reason. */
public enum RosterRowStatus {
    ENROLLED,
    ALREADY_ENROLLED,
    REJECTED
}
