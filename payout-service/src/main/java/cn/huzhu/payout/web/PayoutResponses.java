package cn.huzhu.payout.web;

import cn.huzhu.payout.query.PayoutQueries.BatchTotals;
import cn.huzhu.payout.query.PayoutQueries.PayoutRow;
import cn.huzhu.payout.query.PayoutQueries.Reconciliation;
import cn.huzhu.payout.query.PayoutQueries.RecoveryAccount;
import cn.huzhu.payout.query.PayoutQueries.RecoveryEntry;
import cn.huzhu.payout.query.PayoutQueries.TransferRow;
import cn.huzhu.vocabulary.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API answers. Money is a decimal string in yuan ("1830.00"); accounts are masked (first 4 and last 4 digits). */
final class PayoutResponses {

    private PayoutResponses() {}

    /**
     * A payout. {@code status} is the payout's, except that a scheduled payout whose member has no bank account yet is
     * {@code AWAITING_ACCOUNT}.
     */
    record Payout(
            UUID payoutId,
            UUID claimId,
            UUID memberId,
            UUID enrollmentId,
            String planId,
            String claimType,
            String amount,
            LocalDate decidedOn,
            String status,
            int attempts,
            String reference,
            UUID batchId,
            String district,
            String transferred,
            String offset,
            String account,
            String failureReason,
            Instant nextAttemptAt,
            Instant scheduledAt,
            Instant settledAt,
            String revocationReason,
            String toRecover,
            List<Transfer> transfers) {}

    record Transfer(
            String reference,
            int attempt,
            UUID batchId,
            LocalDate day,
            String amount,
            String account,
            String status,
            String reason,
            String bankTransactionId,
            Instant requestedAt,
            Instant confirmedAt) {}

    record Totals(int count, String amount) {}

    /**
     * A disbursement batch: {@code control} counts every transfer sent in it, {@code confirmed} those the bank confirmed,
     * {@code reconciliation} the last comparison with the bank's statement. {@code status}: OPEN (today's), CLOSED (an
     * earlier day's, not reconciled yet), RECONCILED or MISMATCH.
     */
    record Batch(
            UUID batchId,
            String district,
            LocalDate day,
            String status,
            Totals control,
            Totals confirmed,
            int failed,
            int pending,
            Reconciled reconciliation) {}

    record Reconciled(String status, Totals ours, Totals bank, List<String> differences, Instant reconciledAt) {}

    record Recovery(
            UUID memberId, String opened, String offset, String repaid, String outstanding, List<Entry> entries) {}

    record Entry(
            String kind, UUID payoutId, String reference, String amount, String outstanding, LocalDate recordedOn) {}

    static Payout payout(PayoutRow p, List<TransferRow> transfers) {
        String status = p.status().equals("SCHEDULED") && !p.hasAccount() ? "AWAITING_ACCOUNT" : p.status();
        return new Payout(
                p.payoutId(),
                p.claimId(),
                p.memberId(),
                p.enrollmentId(),
                p.planId(),
                p.claimType(),
                Money.text(p.amount()),
                p.decidedOn(),
                status,
                p.attempts(),
                p.reference(),
                p.batchId(),
                p.district(),
                Money.text(p.transferred()),
                Money.text(p.offset()),
                p.accountMasked(),
                p.failureReason(),
                p.nextAttemptAt(),
                p.scheduledAt(),
                p.settledAt(),
                p.revocationReason(),
                Money.text(p.toRecover()),
                transfers == null
                        ? null
                        : transfers.stream().map(PayoutResponses::transfer).toList());
    }

    static Transfer transfer(TransferRow t) {
        return new Transfer(
                t.reference(),
                t.attempt(),
                t.batchId(),
                t.day(),
                Money.text(t.amount()),
                t.accountMasked(),
                t.status(),
                t.reason(),
                t.bankTransactionId(),
                t.requestedAt(),
                t.confirmedAt());
    }

    static Batch batch(BatchTotals b, Reconciliation r, LocalDate today) {
        String status = r != null
                ? (r.status().equals("MATCHED") ? "RECONCILED" : "MISMATCH")
                : b.day().isBefore(today) ? "CLOSED" : "OPEN";
        return new Batch(
                b.batchId(),
                b.district(),
                b.day(),
                status,
                new Totals(b.sent(), Money.text(b.sentAmount())),
                new Totals(b.confirmed(), Money.text(b.confirmedAmount())),
                b.failed(),
                b.pending(),
                r == null
                        ? null
                        : new Reconciled(
                                r.status(),
                                new Totals(r.count(), Money.text(r.amount())),
                                new Totals(r.bankCount(), Money.text(r.bankAmount())),
                                r.differences(),
                                r.reconciledAt()));
    }

    static Recovery recovery(RecoveryAccount a) {
        return new Recovery(
                a.memberId(),
                Money.text(a.opened()),
                Money.text(a.offset()),
                Money.text(a.repaid()),
                Money.text(a.outstanding()),
                a.entries().stream().map(PayoutResponses::entry).toList());
    }

    private static Entry entry(RecoveryEntry e) {
        return new Entry(
                e.kind(),
                e.payoutId(),
                e.reference(),
                Money.text(e.amount()),
                Money.text(e.outstanding()),
                e.recordedOn());
    }
}
