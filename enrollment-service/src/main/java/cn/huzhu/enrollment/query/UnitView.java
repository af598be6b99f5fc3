package cn.huzhu.enrollment.query;

public record UnitView(String unitId, String name, String district, String nature, int insuredHeadcount) {
}
