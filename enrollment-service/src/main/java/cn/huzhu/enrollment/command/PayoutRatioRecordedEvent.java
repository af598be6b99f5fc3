package cn.huzhu.enrollment.command;

import java.math.BigDecimal;

/** A unit's enrolment and payout ratio of a year as imported; a later one for the same year replaces it. */
/** A unit's figures of a year, of one plan or (planId null, as every event before plans were named) of its whole scheme. */
public record PayoutRatioRecordedEvent(String unitId, int year, int enrolled, BigDecimal payoutRatio, String source, String planId) {
}
