package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.unit.UnitTerms;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Payer;
import cn.huzhu.vocabulary.PlanId;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enrol a member in a plan. {@code payer} is who bears the premium: MEMBER (individual) or UNIT (roster);
 * {@code unitTerms} what the unit's roster earned (discount, subsidy); {@code migration} the legacy payment of a historical
 * enrolment the scheme administrator migrates (null otherwise).
 */
public record EnrollMemberCommand(
        @TargetAggregateIdentifier MemberId memberId,
        EnrollmentId enrollmentId,
        PlanId planId,
        int shares,
        Integer termYears,
        LocalDate effectiveDate,
        LocalDate today,
        Payer payer,
        UnitTerms unitTerms,
        Migration migration) {
    public EnrollMemberCommand {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(today, "today");
        if (planId == null) {
            throw new IllegalArgumentException("planId is required");
        }
        if (payer == null || !payer.buysCover()) {
            throw new IllegalArgumentException("payer must be MEMBER or UNIT");
        }
        unitTerms = unitTerms == null ? UnitTerms.NONE : unitTerms;
    }

    /** An enrolment the member pays for. */
    public EnrollMemberCommand(
            String memberId,
            String enrollmentId,
            String planId,
            int shares,
            Integer termYears,
            LocalDate effectiveDate,
            LocalDate today) {
        this(
                new MemberId(memberId),
                new EnrollmentId(enrollmentId),
                new PlanId(planId),
                shares,
                termYears,
                effectiveDate,
                today,
                Payer.MEMBER,
                UnitTerms.NONE,
                null);
    }

    /** A historical enrolment the scheme administrator migrates, paid by the member in the legacy system. */
    public static EnrollMemberCommand migrated(
            String memberId,
            String enrollmentId,
            String planId,
            int shares,
            Integer termYears,
            LocalDate effectiveDate,
            LocalDate today,
            Migration migration) {
        Objects.requireNonNull(migration, "migration");
        return new EnrollMemberCommand(
                new MemberId(memberId),
                new EnrollmentId(enrollmentId),
                new PlanId(planId),
                shares,
                termYears,
                effectiveDate,
                today,
                Payer.MEMBER,
                UnitTerms.NONE,
                migration);
    }

    /** The same enrolment on the terms a unit's roster earned. */
    public EnrollMemberCommand withTerms(UnitTerms terms) {
        return new EnrollMemberCommand(
                memberId, enrollmentId, planId, shares, termYears, effectiveDate, today, payer, terms, migration);
    }
}
