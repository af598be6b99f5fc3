package cn.huzhu.enrollment.command;

/** 在职 / 退休. */
public enum MemberCategory {
    IN_SERVICE,
    RETIRED
}
