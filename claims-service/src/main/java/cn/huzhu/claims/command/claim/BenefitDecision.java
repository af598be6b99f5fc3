package cn.huzhu.claims.command.claim;

import java.math.BigDecimal;
import java.util.List;

/** What one enrolment pays for a claim, with its calculation, or why it pays nothing. */
public record BenefitDecision(
        String planId,
        int planVersion,
        String enrollmentId,
        BigDecimal amount,
        List<StoredLine> lines,
        StoredRejection rejection) {}
