package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.vocabulary.UnitId;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record whether a unit has a union and pays its union dues in full (已建立工会组织并按要求足额上缴工会经费), from the
 * union's registers: a district officer or the scheme administrator, never the unit's clerk (Guangdong's province part
 * depends on it).
 */
public record SetUnitDuesStatusCommand(
        @TargetAggregateIdentifier UnitId unitId, boolean paysDuesInFull, Actor setBy, LocalDate today) {
    public SetUnitDuesStatusCommand {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(today, "today");
    }
}
