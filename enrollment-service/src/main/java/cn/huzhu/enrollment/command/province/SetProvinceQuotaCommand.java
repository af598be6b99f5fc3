package cn.huzhu.enrollment.command.province;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.vocabulary.PlanId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Set a city's quotas of the province's money for a plan year (Guangdong's 名额分配通知单): how many union members get
 * the province's part, and how many hardship and model workers the whole premium. The scheme administrator only.
 */
public record SetProvinceQuotaCommand(
        PlanId planId,
        int year,
        String district,
        int unionMembers,
        int hardship,
        int modelWorkers,
        Actor setBy,
        LocalDate today) {
    public SetProvinceQuotaCommand {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(today, "today");
        if (anyBelowZero(unionMembers, hardship, modelWorkers)) {
            throw new IllegalArgumentException("A quota is zero or more");
        }
    }

    private static boolean anyBelowZero(int... quotas) {
        return java.util.Arrays.stream(quotas).anyMatch(q -> q < 0);
    }

    int quotaOf(ProvinceGroup group) {
        return switch (group) {
            case UNION_MEMBERS -> unionMembers;
            case HARDSHIP -> hardship;
            case MODEL_WORKERS -> modelWorkers;
        };
    }
}
