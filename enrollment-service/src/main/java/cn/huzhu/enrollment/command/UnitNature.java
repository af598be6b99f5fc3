package cn.huzhu.enrollment.command;

/** Public institution or non-public enterprise (非公企业), which some subsidies depend on. */
public enum UnitNature { PUBLIC, NON_PUBLIC }
