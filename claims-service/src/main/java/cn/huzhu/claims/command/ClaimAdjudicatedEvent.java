package cn.huzhu.claims.command;

import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A claim and its decision: the total and, per enrolment that covered the event, the benefit and its calculation. */
public record ClaimAdjudicatedEvent(String claimId, String memberId, Claim claim, String hospital, LocalDate submittedOn, ClaimStatus status,
                                    BigDecimal total, List<BenefitDecision> benefits, Rejection rejection) {
}
