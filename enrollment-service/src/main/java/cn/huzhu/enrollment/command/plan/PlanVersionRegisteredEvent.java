package cn.huzhu.enrollment.command.plan;

import java.time.LocalDate;

public record PlanVersionRegisteredEvent(
        String planId,
        int version,
        String name,
        String region,
        LocalDate validFrom,
        String definitionJson,
        String contentHash) {}
