package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.vocabulary.UnitId;
import java.time.LocalDate;

/** Whether the unit pays its union dues in full, as the union's registers have it, set by {@code setBy}. */
public record UnitDuesStatusSetEvent(UnitId unitId, boolean paysDuesInFull, Actor setBy, LocalDate on) {}
