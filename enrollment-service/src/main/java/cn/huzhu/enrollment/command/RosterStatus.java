package cn.huzhu.enrollment.command;

/** ACCEPTED: no row rejected; PARTIALLY_ACCEPTED: some rows rejected, the rest enrolled; REJECTED: nothing enrolled. */
public enum RosterStatus { ACCEPTED, PARTIALLY_ACCEPTED, REJECTED }
