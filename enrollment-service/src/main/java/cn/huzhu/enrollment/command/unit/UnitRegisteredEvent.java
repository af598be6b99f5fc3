package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.UnitNature;

public record UnitRegisteredEvent(
        String unitId, String name, String district, UnitNature nature, int insuredHeadcount) {}
