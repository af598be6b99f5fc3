package cn.huzhu.claims.engine;

/** Why it happened; some rules depend on it (Wujin: no hospitalisation benefit for a work injury). */
public enum Cause {
    ILLNESS,
    TRAFFIC_ACCIDENT,
    WORK_INJURY,
    OTHER_ACCIDENT
}
