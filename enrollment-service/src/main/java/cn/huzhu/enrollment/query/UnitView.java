package cn.huzhu.enrollment.query;

/** A unit as the API shows it; {@code paysDuesInFull}: whether it pays its union dues in full, from the union's registers. */
public record UnitView(
        String unitId, String name, String district, String nature, int insuredHeadcount, boolean paysDuesInFull) {}
