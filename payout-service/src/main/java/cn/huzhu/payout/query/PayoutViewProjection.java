package cn.huzhu.payout.query;

import cn.huzhu.axon.ViewWriteBatch;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.batch.BatchReconciledEvent;
import cn.huzhu.payout.command.payout.PayoutCancelledEvent;
import cn.huzhu.payout.command.payout.PayoutParkedEvent;
import cn.huzhu.payout.command.payout.PayoutRevocationPendingEvent;
import cn.huzhu.payout.command.payout.PayoutRevokedEvent;
import cn.huzhu.payout.command.payout.PayoutScheduledEvent;
import cn.huzhu.payout.command.payout.PayoutSettledByOffsetEvent;
import cn.huzhu.payout.command.payout.PayoutStatus;
import cn.huzhu.payout.command.payout.TransferFailedEvent;
import cn.huzhu.payout.command.payout.TransferRequestedEvent;
import cn.huzhu.payout.command.payout.TransferSucceededEvent;
import cn.huzhu.payout.command.recovery.RecoveryOffsetEvent;
import cn.huzhu.payout.command.recovery.RecoveryOffsetReturnedEvent;
import cn.huzhu.payout.command.recovery.RecoveryOpenedEvent;
import cn.huzhu.payout.command.recovery.RepaymentRecordedEvent;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The payout, transfer, recovery and reconciliation tables, written in the transaction that stores the events
 * (a subscribing processor): what the dispatcher and the API read is never behind the event store. What an event
 * changes is written by one statement, and a unit of work's statements go to the database in their order, consecutive
 * ones of one kind as one batch ({@link ViewWriteBatch#addInOrder}): a group of 50 transfers is a few round trips.
 */
@Component
@ProcessingGroup("payout-views")
public class PayoutViewProjection {

    private final JdbcTemplate jdbc;

    public PayoutViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PayoutScheduledEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        write(
                """
                insert into payout_view (payout_id, claim_id, member_id, enrollment_id, plan_id, claim_type, amount, decided_on, status, scheduled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                uuid(e.payoutId().value()),
                uuid(e.claimId().value()),
                uuid(e.memberId().value()),
                uuid(e.enrollmentId().value()),
                e.planId().value(),
                e.claimType(),
                e.amount(),
                e.decidedOn(),
                PayoutStatus.SCHEDULED.name(),
                ts(at));
    }

    @EventHandler
    void on(TransferRequestedEvent e) {
        write(
                """
                with payout as (
                    update payout_view set status = ?, attempts = ?, reference = ?, batch_id = ?, district = ?, transferred = ?, offset_amount = ?,
                           account_masked = ?, failure_reason = null, next_attempt_at = null, requested_at = ? where payout_id = ?)
                insert into transfer_view (reference, payout_id, member_id, attempt, batch_id, district, day, amount, account_number, account_masked,
                                           holder_name, bank_name, status, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?)""",
                PayoutStatus.SENDING.name(),
                e.attempt(),
                e.reference(),
                uuid(e.batchId().value()),
                e.district(),
                e.amount(),
                e.offset(),
                e.accountMasked(),
                ts(e.requestedAt()),
                uuid(e.payoutId().value()),
                e.reference(),
                uuid(e.payoutId().value()),
                uuid(e.memberId().value()),
                e.attempt(),
                uuid(e.batchId().value()),
                e.district(),
                e.day(),
                e.amount(),
                e.accountNumber(),
                e.accountMasked(),
                e.holderName(),
                e.bankName(),
                ts(e.requestedAt()));
    }

    @EventHandler
    void on(TransferSucceededEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        withTransferOutcome(
                "update payout_view set status = ?, settled_at = ? where payout_id = ?",
                e.reference(),
                "SUCCEEDED",
                null,
                e.bankTransactionId(),
                at,
                PayoutStatus.SUCCEEDED.name(),
                ts(at),
                uuid(e.payoutId().value()));
    }

    @EventHandler
    void on(TransferFailedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        withTransferOutcome(
                "update payout_view set status = ?, failure_reason = ?, next_attempt_at = ? where payout_id = ?",
                e.reference(),
                "FAILED",
                e.reason(),
                null,
                at,
                (e.last() ? PayoutStatus.FAILED : PayoutStatus.RETRY_WAIT).name(),
                e.reason(),
                e.nextAttemptAt() == null ? null : ts(e.nextAttemptAt()),
                uuid(e.payoutId().value()));
    }

    @EventHandler
    void on(PayoutParkedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        withTransferOutcome(
                "update payout_view set status = ?, failure_reason = ?, parked_account_hash = ? where payout_id = ?",
                e.reference(),
                "REJECTED",
                e.reason(),
                null,
                at,
                PayoutStatus.PARKED.name(),
                e.reason(),
                e.accountHash(),
                uuid(e.payoutId().value()));
    }

    @EventHandler
    void on(PayoutSettledByOffsetEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        write(
                "update payout_view set status = ?, offset_amount = ?, transferred = 0, settled_at = ? where payout_id = ?",
                PayoutStatus.SETTLED_BY_OFFSET.name(),
                e.offset(),
                ts(at),
                uuid(e.payoutId().value()));
    }

    @EventHandler
    void on(PayoutRevocationPendingEvent e) {
        write(
                "update payout_view set revocation_reason = ? where payout_id = ?",
                e.reason(),
                uuid(e.payoutId().value()));
    }

    @EventHandler
    void on(PayoutCancelledEvent e) {
        write(
                "update payout_view set status = ?, revocation_reason = ?, next_attempt_at = null where payout_id = ?",
                PayoutStatus.CANCELLED.name(),
                e.reason(),
                uuid(e.payoutId().value()));
    }

    @EventHandler
    void on(PayoutRevokedEvent e) {
        write(
                "update payout_view set status = ?, revocation_reason = ?, to_recover = ? where payout_id = ?",
                PayoutStatus.REVOKED.name(),
                e.reason(),
                e.toRecover(),
                uuid(e.payoutId().value()));
    }

    @EventHandler
    void on(RecoveryOpenedEvent e) {
        recovery(e.memberId(), "OPENED", e.payoutId(), null, e.amount(), e.outstanding(), e.on(), "opened", e.amount());
    }

    @EventHandler
    void on(RecoveryOffsetEvent e) {
        recovery(
                e.memberId(),
                "OFFSET",
                e.payoutId(),
                null,
                e.amount(),
                e.outstanding(),
                e.on(),
                "offset_sum",
                e.amount());
    }

    @EventHandler
    void on(RecoveryOffsetReturnedEvent e) {
        recovery(
                e.memberId(),
                "OFFSET_RETURNED",
                e.payoutId(),
                null,
                e.amount(),
                e.outstanding(),
                e.on(),
                "offset_sum",
                e.amount().negate());
    }

    @EventHandler
    void on(RepaymentRecordedEvent e) {
        recovery(
                e.memberId(),
                "REPAID",
                null,
                e.reference(),
                e.amount(),
                e.outstanding(),
                e.paidOn(),
                "repaid",
                e.amount());
    }

    @EventHandler
    void on(BatchReconciledEvent e) {
        write(
                """
                insert into batch_reconciliation (batch_id, district, day, status, count, amount, bank_count, bank_amount, differences, reconciled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (batch_id) do update set status = excluded.status, count = excluded.count, amount = excluded.amount,
                    bank_count = excluded.bank_count, bank_amount = excluded.bank_amount, differences = excluded.differences,
                    reconciled_at = excluded.reconciled_at""",
                uuid(e.batchId().value()),
                e.district(),
                e.day(),
                e.status(),
                e.count(),
                e.amount(),
                e.bankCount(),
                e.bankAmount(),
                String.join("\n", e.differences()),
                ts(e.at()));
    }

    private void write(String sql, Object... args) {
        ViewWriteBatch.addInOrder(jdbc, sql, args);
    }

    /** The payout's row changed by {@code payoutUpdate} (its arguments {@code payoutArgs}) and its transfer's outcome recorded, in one statement. */
    private void withTransferOutcome(
            String payoutUpdate,
            String reference,
            String status,
            String reason,
            String bankTransactionId,
            Instant at,
            Object... payoutArgs) {
        Object[] args = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(payoutArgs),
                        java.util.stream.Stream.of(status, reason, bankTransactionId, ts(at), reference))
                .toArray();
        write(
                "with payout as (" + payoutUpdate + ")"
                        + " update transfer_view set status = ?, reason = ?, bank_transaction_id = ?, confirmed_at = ? where reference = ?",
                args);
    }

    /** A movement of the member's recovery account: its running sum {@code column} changed by {@code change}, and the entry. */
    private void recovery(
            MemberId memberId,
            String kind,
            PayoutId payoutId,
            String reference,
            BigDecimal amount,
            BigDecimal outstanding,
            LocalDate on,
            String column,
            BigDecimal change) {
        UUID member = uuid(memberId.value());
        write(
                "with account as (insert into recovery_view as r (member_id, " + column
                        + ", outstanding) values (?, ?, ?)"
                        + " on conflict (member_id) do update set " + column + " = r." + column + " + excluded."
                        + column + ", outstanding = excluded.outstanding)"
                        + " insert into recovery_entry (member_id, kind, payout_id, reference, amount, outstanding, recorded_on) values (?, ?, ?, ?, ?, ?, ?)",
                member,
                change,
                outstanding,
                member,
                kind,
                payoutId == null ? null : uuid(payoutId.value()),
                reference,
                amount,
                outstanding,
                on);
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
