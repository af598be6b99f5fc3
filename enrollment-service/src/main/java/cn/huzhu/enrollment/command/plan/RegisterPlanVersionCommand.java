package cn.huzhu.enrollment.command.plan;

import cn.huzhu.vocabulary.PlanId;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterPlanVersionCommand(
        @TargetAggregateIdentifier PlanId planId,
        int version,
        String name,
        String region,
        LocalDate validFrom,
        String definitionJson,
        String contentHash) {
    public RegisterPlanVersionCommand {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(contentHash, "contentHash");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }
}
