package cn.huzhu.enrollment.command.roster;

/** ACCEPTED: no row rejected; PARTIALLY_ACCEPTED: some rows rejected, the rest enrolled; REJECTED: nothing enrolled. */
public enum RosterStatus {
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    REJECTED
}
