package cn.huzhu.enrollment.command;

/**
 * Public institution, non-public enterprise (非公企业) or province-owned enterprise (省属企业, public too), which some
 * subsidies and gifts depend on.
 */
public enum UnitNature {
    PUBLIC,
    NON_PUBLIC,
    PROVINCE_OWNED
}
