package cn.huzhu.claims.command;

/** APPROVED: something is paid; REJECTED: nothing is, with the reason. */
public enum ClaimStatus { APPROVED, REJECTED }
