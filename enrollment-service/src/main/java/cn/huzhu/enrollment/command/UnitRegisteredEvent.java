package cn.huzhu.enrollment.command;

public record UnitRegisteredEvent(String unitId, String name, String district, UnitNature nature, int insuredHeadcount) {
}
