package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record MemberEnrolledEvent(
        EnrollmentId enrollmentId,
        MemberId memberId,
        UnitId unitId,
        String district,
        MemberCategory category,
        PlanId planId,
        int planVersion,
        int shares,
        int termYears,
        BigDecimal premium,
        List<FundingShare> funding,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        LocalDate waitingPeriodEnd,
        boolean continuous,
        boolean gifted,
        String giftOf,
        boolean migrated,
        LocalDate applicationDate,
        List<String> incentives,
        PremiumStatus premiumStatus,
        LocalDate paidOn,
        String paymentReference) {

    /** Events recorded before premiums were collected on the platform count as collected. */
    public PremiumStatus status() {
        return premiumStatus == null ? PremiumStatus.COLLECTED : premiumStatus;
    }

    /** The legacy payment of a migrated enrolment (null for the others: their collection is an event of its own). */
    public Migration migration() {
        return paidOn == null ? null : new Migration(paidOn, paymentReference);
    }

    /** The part of the premium the member or unit pays, which is what collection collects. */
    public BigDecimal payerAmount() {
        return funding.stream()
                .filter(f -> f.payer().buysCover())
                .map(FundingShare::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
