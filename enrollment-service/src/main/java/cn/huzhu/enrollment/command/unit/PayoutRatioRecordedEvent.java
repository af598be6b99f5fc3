package cn.huzhu.enrollment.command.unit;

import java.math.BigDecimal;

/**
 * A unit's enrolment and payout ratio of a year as imported, of one plan or (planId null, as every event before plans
 * were named) of its whole scheme; a later one for the same year and plan replaces it.
 */
public record PayoutRatioRecordedEvent(
        String unitId, int year, int enrolled, BigDecimal payoutRatio, String source, String planId) {}
