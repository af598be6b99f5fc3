package cn.huzhu.claims.command;

/** APPROVED: something is paid; REJECTED: nothing is, with the reason; IN_REVIEW: an adjudicator decides before anything is paid. */
public enum ClaimStatus { APPROVED, REJECTED, IN_REVIEW }
