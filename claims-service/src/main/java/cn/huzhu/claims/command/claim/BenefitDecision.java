package cn.huzhu.claims.command.claim;

import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.util.List;

/** What one enrolment pays for a claim, with its calculation, or why it pays nothing. */
public record BenefitDecision(
        PlanId planId,
        int planVersion,
        EnrollmentId enrollmentId,
        BigDecimal amount,
        List<StoredLine> lines,
        StoredRejection rejection) {}
