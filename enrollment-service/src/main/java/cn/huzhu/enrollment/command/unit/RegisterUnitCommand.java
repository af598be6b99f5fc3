package cn.huzhu.enrollment.command.unit;

import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.vocabulary.UnitId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterUnitCommand(
        @TargetAggregateIdentifier UnitId unitId,
        String name,
        String district,
        UnitNature nature,
        int insuredHeadcount) {
    public RegisterUnitCommand {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(nature, "nature");
        if (name == null || name.isBlank() || district == null || district.isBlank()) {
            throw new IllegalArgumentException("name and district are required");
        }
        if (insuredHeadcount < 1) {
            throw new IllegalArgumentException("insuredHeadcount is at least 1");
        }
    }
}
