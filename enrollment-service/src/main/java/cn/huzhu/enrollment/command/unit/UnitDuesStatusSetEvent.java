package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.Actor;
import java.time.LocalDate;

/** Whether the unit pays its union dues in full, as the union's registers have it, set by {@code setBy}. */
public record UnitDuesStatusSetEvent(String unitId, boolean paysDuesInFull, Actor setBy, LocalDate on) {}
