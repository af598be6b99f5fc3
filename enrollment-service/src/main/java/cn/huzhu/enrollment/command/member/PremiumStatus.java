package cn.huzhu.enrollment.command.member;

/** PENDING until the payer's part of the premium is collected; COLLECTED when nothing is left to collect. */
public enum PremiumStatus {
    PENDING,
    COLLECTED
}
