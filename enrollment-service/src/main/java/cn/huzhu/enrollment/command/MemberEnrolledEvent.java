package cn.huzhu.enrollment.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record MemberEnrolledEvent(String enrollmentId, String memberId, String unitId, String district, MemberCategory category,
                                  String planId, int planVersion, int shares, int termYears, BigDecimal premium,
                                  List<FundingShare> funding, LocalDate coverageStart, LocalDate coverageEnd,
                                  LocalDate waitingPeriodEnd, boolean continuous, boolean gifted, String giftOf,
                                  boolean migrated, LocalDate applicationDate, List<String> incentives) {
}
