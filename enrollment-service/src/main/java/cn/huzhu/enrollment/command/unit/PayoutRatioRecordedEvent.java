package cn.huzhu.enrollment.command.unit;

import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;

/**
 * A unit's enrolment and payout ratio of a year as imported, of one plan or (planId null, as every event before plans
 * were named) of its whole scheme; a later one for the same year and plan replaces it.
 */
public record PayoutRatioRecordedEvent(
        UnitId unitId, int year, int enrolled, BigDecimal payoutRatio, String source, PlanId planId) {}
