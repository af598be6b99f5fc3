package cn.huzhu.claims.web;

import cn.huzhu.claims.command.claim.BenefitDecision;
import cn.huzhu.claims.command.claim.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.claim.ClaimRevokedEvent;
import cn.huzhu.claims.command.claim.StoredLine;
import cn.huzhu.claims.command.claim.StoredRejection;
import cn.huzhu.claims.engine.DiseaseCodes;
import cn.huzhu.claims.query.ClaimRecord;
import cn.huzhu.security.Caller;
import cn.huzhu.vocabulary.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A claim's decision with its calculation. Money is a decimal string in yuan ("1830.00"). The diagnosis (code and name) is
 * shown to adjudicators and the member only; for anyone else it is null and the calculation's notes and messages name
 * no diagnosis.
 */
public record ClaimResponse(
        String claimId,
        String memberId,
        String type,
        LocalDate eventDate,
        LocalDate submittedOn,
        String status,
        Diagnosis diagnosis,
        String total,
        List<Benefit> benefits,
        Rejection rejection,
        List<String> reviewReasons,
        ClaimAdjudicatedEvent.Review review,
        Revocation revocation) {

    static final String WITHHELD = "(diagnosis withheld)";

    public record Diagnosis(String code, String name) {}

    /** A revoked claim: the reason code, a note, the day; its {@code total} is to be recovered. */
    public record Revocation(String reason, String note, LocalDate revokedOn) {}

    public record Benefit(
            String planId,
            int planVersion,
            String enrollmentId,
            String amount,
            List<LineView> lines,
            Rejection rejection) {}

    public record LineView(String rule, String base, String rate, String amount, String note) {}

    /** Why nothing is paid: a stable code and a sentence. */
    public record Rejection(String code, String message) {}

    static ClaimResponse asSeenByCaller(ClaimRecord record) {
        return of(
                record,
                Caller.current()
                        .sees(
                                Caller.Sensitive.DIAGNOSIS,
                                record.decision().memberId().value()));
    }

    static ClaimResponse of(ClaimRecord record, boolean seesDiagnosis) {
        ClaimAdjudicatedEvent e = record.decision();
        ClaimRevokedEvent r = record.revocation();
        String code = e.claim().diseaseCode();
        UnaryOperator<String> text =
                seesDiagnosis || code == null ? s -> s : s -> s == null ? null : s.replace(code, WITHHELD);
        Diagnosis diagnosis = seesDiagnosis && code != null
                ? new Diagnosis(code, DiseaseCodes.nameOf(code).orElse(null))
                : null;
        return new ClaimResponse(
                e.claimId().value(),
                e.memberId().value(),
                e.claim().type(),
                e.claim().eventDate(),
                e.submittedOn(),
                r != null ? "REVOKED" : e.status().name(),
                diagnosis,
                Money.text(e.total()),
                e.benefits().stream().map(b -> benefit(b, text)).toList(),
                rejection(e.rejection(), text),
                e.reviewReasons() == null
                        ? null
                        : e.reviewReasons().stream().map(text).toList(),
                e.review(),
                r == null ? null : new Revocation(r.reason(), r.note(), r.revokedOn()));
    }

    private static Rejection rejection(StoredRejection rejection, UnaryOperator<String> text) {
        return rejection == null ? null : new Rejection(rejection.code(), text.apply(rejection.message()));
    }

    private static Benefit benefit(BenefitDecision b, UnaryOperator<String> text) {
        return new Benefit(
                b.planId().value(),
                b.planVersion(),
                b.enrollmentId().value(),
                Money.text(b.amount()),
                b.lines().stream().map(l -> line(l, text)).toList(),
                rejection(b.rejection(), text));
    }

    private static LineView line(StoredLine l, UnaryOperator<String> text) {
        return new LineView(
                l.rule(),
                l.base() == null ? null : l.base().stripTrailingZeros().toPlainString(),
                l.rate() == null ? null : l.rate().stripTrailingZeros().toPlainString(),
                Money.text(l.amount()),
                text.apply(l.note()));
    }
}
