package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.vocabulary.UnitId;

public record UnitRegisteredEvent(
        UnitId unitId, String name, String district, UnitNature nature, int insuredHeadcount) {}
