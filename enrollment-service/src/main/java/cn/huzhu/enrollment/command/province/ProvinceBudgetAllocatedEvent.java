package cn.huzhu.enrollment.command.province;

import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;

/** The part of the province's budget of a plan year set aside for a city's quotas, and the total set aside after it. */
public record ProvinceBudgetAllocatedEvent(
        String budgetId,
        PlanId planId,
        int year,
        String district,
        BigDecimal cost,
        BigDecimal allocated,
        BigDecimal budget) {}
