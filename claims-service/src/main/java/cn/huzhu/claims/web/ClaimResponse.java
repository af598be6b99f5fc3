package cn.huzhu.claims.web;

import cn.huzhu.claims.command.BenefitDecision;
import cn.huzhu.claims.command.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.ClaimRevokedEvent;
import cn.huzhu.claims.query.ClaimRecord;
import cn.huzhu.claims.engine.Line;
import cn.huzhu.claims.engine.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** A claim's decision with its calculation. Money is a decimal string in yuan ("1830.00"). */
public record ClaimResponse(String claimId, String memberId, String type, LocalDate eventDate, LocalDate submittedOn, String status,
                            String total, List<Benefit> benefits, Rejection rejection, List<String> reviewReasons,
                            ClaimAdjudicatedEvent.Review review, Revocation revocation) {

    /** A revoked claim: the reason code, a note, the day; its {@code total} is to be recovered. */
    public record Revocation(String reason, String note, LocalDate revokedOn) {
    }

    public record Benefit(String planId, int planVersion, String enrollmentId, String amount, List<LineView> lines, Rejection rejection) {
    }

    public record LineView(String rule, String base, String rate, String amount, String note) {
    }

    static ClaimResponse of(ClaimRecord record) {
        ClaimAdjudicatedEvent e = record.decision();
        ClaimRevokedEvent r = record.revocation();
        return new ClaimResponse(e.claimId(), e.memberId(), e.claim().type().name(), e.claim().eventDate(), e.submittedOn(),
                r != null ? "REVOKED" : e.status().name(), money(e.total()), e.benefits().stream().map(ClaimResponse::benefit).toList(),
                e.rejection(), e.reviewReasons(), e.review(), r == null ? null : new Revocation(r.reason(), r.note(), r.revokedOn()));
    }

    private static Benefit benefit(BenefitDecision b) {
        return new Benefit(b.planId(), b.planVersion(), b.enrollmentId(), money(b.amount()), b.lines().stream().map(ClaimResponse::line).toList(),
                b.rejection());
    }

    private static LineView line(Line l) {
        return new LineView(l.rule(), l.base() == null ? null : l.base().stripTrailingZeros().toPlainString(),
                l.rate() == null ? null : l.rate().stripTrailingZeros().toPlainString(), money(l.amount()), l.note());
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
