package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Line;
import cn.huzhu.claims.engine.Rejection;
import java.math.BigDecimal;
import java.util.List;

/** What one enrolment pays for a claim, with its calculation, or why it pays nothing. */
public record BenefitDecision(
        String planId,
        int planVersion,
        String enrollmentId,
        BigDecimal amount,
        List<Line> lines,
        Rejection rejection) {}
