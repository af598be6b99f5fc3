package cn.huzhu.enrollment.command.province;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A city's quotas of the province's money for a plan year, and what they may cost the province at most. */
public record ProvinceQuotaSetEvent(
        String quotaId,
        PlanId planId,
        int year,
        String district,
        int unionMembers,
        int hardship,
        int modelWorkers,
        BigDecimal cost,
        Actor setBy,
        LocalDate on) {}
