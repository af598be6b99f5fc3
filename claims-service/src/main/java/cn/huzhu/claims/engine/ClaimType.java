package cn.huzhu.claims.engine;

/** What happened to the member: a hospital stay, a serious diagnosis, a work injury, a death. */
public enum ClaimType {
    HOSPITALIZATION,
    CRITICAL_ILLNESS,
    WORK_INJURY,
    DEATH
}
