package cn.huzhu.enrollment.command;

/** How a premium is collected: the unit's transfer for its roster, or a deduction from the member's bank account. */
public enum CollectionMethod {
    UNIT_TRANSFER,
    BANK_DEDUCTION
}
