package cn.huzhu.enrollment.command.plan;

import cn.huzhu.vocabulary.PlanId;
import java.time.LocalDate;

public record PlanVersionRegisteredEvent(
        PlanId planId,
        int version,
        String name,
        String region,
        LocalDate validFrom,
        String definitionJson,
        String contentHash) {}
