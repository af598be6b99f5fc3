package cn.huzhu.payout.query;

import cn.huzhu.payout.command.payout.PayeeAccount;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the payout tables, for the API and the dispatcher. Account numbers are read only where a transfer needs them. */
@Repository
public class PayoutQueries {

    public record PayoutRow(
            UUID payoutId,
            UUID claimId,
            UUID memberId,
            UUID enrollmentId,
            String planId,
            String claimType,
            BigDecimal amount,
            LocalDate decidedOn,
            String status,
            boolean hasAccount,
            int attempts,
            String reference,
            UUID batchId,
            String district,
            BigDecimal transferred,
            BigDecimal offset,
            String accountMasked,
            String failureReason,
            Instant nextAttemptAt,
            Instant requestedAt,
            Instant scheduledAt,
            Instant settledAt,
            String revocationReason,
            BigDecimal toRecover) {}

    public record TransferRow(
            String reference,
            UUID payoutId,
            UUID memberId,
            int attempt,
            UUID batchId,
            String district,
            LocalDate day,
            BigDecimal amount,
            String accountMasked,
            String status,
            String reason,
            String bankTransactionId,
            Instant requestedAt,
            Instant confirmedAt) {}

    /** A payout the dispatcher may act on, with the account it would go to (null: none registered) and the member's debt. */
    public record DueTransfer(
            UUID payoutId,
            UUID memberId,
            BigDecimal amount,
            String status,
            int attempts,
            String reference,
            PayeeAccount account,
            BigDecimal outstanding) {}

    /** What a transfer was sent with, to send it again exactly so. */
    public record SentTransfer(
            String reference,
            UUID payoutId,
            UUID batchId,
            BigDecimal amount,
            String accountNumber,
            String holderName,
            String bankName) {}

    public record BatchTotals(
            UUID batchId,
            String district,
            LocalDate day,
            int sent,
            BigDecimal sentAmount,
            int confirmed,
            BigDecimal confirmedAmount,
            int failed,
            int pending) {}

    public record Reconciliation(
            String status,
            int count,
            BigDecimal amount,
            int bankCount,
            BigDecimal bankAmount,
            List<String> differences,
            Instant reconciledAt) {}

    public record RecoveryEntry(
            String kind,
            UUID payoutId,
            String reference,
            BigDecimal amount,
            BigDecimal outstanding,
            LocalDate recordedOn) {}

    public record RecoveryAccount(
            UUID memberId,
            BigDecimal opened,
            BigDecimal offset,
            BigDecimal repaid,
            BigDecimal outstanding,
            List<RecoveryEntry> entries) {}

    private static final String PAYOUT_COLUMNS = """
            p.payout_id, p.claim_id, p.member_id, p.enrollment_id, p.plan_id, p.claim_type, p.amount, p.decided_on, p.status,
            exists (select 1 from bank_account a where a.member_id = p.member_id) as has_account, p.attempts, p.reference, p.batch_id,
            p.district, p.transferred, p.offset_amount, p.account_masked, p.failure_reason, p.next_attempt_at, p.requested_at,
            p.scheduled_at, p.settled_at, p.revocation_reason, p.to_recover""";

    /** A batch's control totals from its transfers: sent, confirmed, failed or rejected, still at the bank. */
    private static final String BATCH_TOTALS = """
            select batch_id, min(district), min(day), count(*), coalesce(sum(amount), 0),
                   count(*) filter (where status = 'SUCCEEDED'), coalesce(sum(amount) filter (where status = 'SUCCEEDED'), 0),
                   count(*) filter (where status in ('FAILED', 'REJECTED')), count(*) filter (where status = 'SENT')
            from transfer_view""";

    private final JdbcTemplate jdbc;

    public PayoutQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Payouts the dispatcher should act on: due for a transfer (scheduled with an account, a retry whose time has come, parked
     * while the member has registered another account), or with a transfer at the bank since before {@code staleBefore}.
     */
    public List<UUID> actionable(Instant now, Instant staleBefore, int limit) {
        return jdbc.queryForList("""
                select p.payout_id from payout_view p join bank_account a on a.member_id = p.member_id
                where p.status = 'SCHEDULED' or (p.status = 'RETRY_WAIT' and p.next_attempt_at <= ?)
                   or (p.status = 'PARKED' and a.account_hash <> p.parked_account_hash)
                   or (p.status = 'SENDING' and p.requested_at <= ?)
                order by p.scheduled_at limit ?""", UUID.class, Timestamp.from(now), Timestamp.from(staleBefore), limit);
    }

    /**
     * What the dispatcher needs to act on each of {@code payoutIds}, in one query: the payout as it stands, the account
     * it would be paid to (null fields when none is registered) and what the member owes back.
     */
    public List<DueTransfer> dueTransfers(List<UUID> payoutIds) {
        return jdbc.query(
                """
                select p.payout_id, p.member_id, p.amount, p.status, p.attempts, p.reference, a.account_number, a.account_masked,
                       a.account_hash, a.holder_name, a.bank_name, a.district, coalesce(r.outstanding, 0) as outstanding
                from payout_view p left join bank_account a on a.member_id = p.member_id left join recovery_view r on r.member_id = p.member_id
                where p.payout_id = any (?)""",
                (rs, i) -> new DueTransfer(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getBigDecimal(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7) == null
                                ? null
                                : new PayeeAccount(
                                        rs.getString(7),
                                        rs.getString(8),
                                        rs.getString(9),
                                        rs.getString(10),
                                        rs.getString(11),
                                        rs.getString(12)),
                        rs.getBigDecimal(13)),
                (Object) payoutIds.toArray(UUID[]::new));
    }

    /** Which of {@code payoutIds} are scheduled already. */
    public List<UUID> existing(List<UUID> payoutIds) {
        return jdbc.queryForList("select payout_id from payout_view where payout_id = any (?)", UUID.class, (Object)
                payoutIds.toArray(UUID[]::new));
    }

    public Optional<PayoutRow> payout(UUID payoutId) {
        return jdbc
                .query(
                        "select " + PAYOUT_COLUMNS + " from payout_view p where p.payout_id = ?",
                        PayoutQueries::payoutRow,
                        payoutId)
                .stream()
                .findFirst();
    }

    /** Payouts by claim, member and status (any may be null), newest first. */
    public List<PayoutRow> payouts(UUID claimId, UUID memberId, String status, int limit) {
        StringBuilder sql = new StringBuilder("select " + PAYOUT_COLUMNS + " from payout_view p where true");
        List<Object> args = new ArrayList<>();
        if (claimId != null) {
            sql.append(" and p.claim_id = ?");
            args.add(claimId);
        }
        if (memberId != null) {
            sql.append(" and p.member_id = ?");
            args.add(memberId);
        }
        if (status != null) {
            if (status.equals("AWAITING_ACCOUNT")) {
                sql.append(
                        " and p.status = 'SCHEDULED' and not exists (select 1 from bank_account a where a.member_id = p.member_id)");
            } else {
                sql.append(" and p.status = ?");
                args.add(status);
            }
        }
        sql.append(" order by p.scheduled_at desc, p.payout_id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), PayoutQueries::payoutRow, args.toArray());
    }

    /** How many payouts are in each status (AWAITING_ACCOUNT apart from SCHEDULED). */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("""
                select case when p.status = 'SCHEDULED' and a.member_id is null then 'AWAITING_ACCOUNT' else p.status end, count(*)
                from payout_view p left join bank_account a on a.member_id = p.member_id group by 1""", (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    public List<TransferRow> transfersOf(UUID payoutId) {
        return jdbc.query(
                "select * from transfer_view where payout_id = ? order by attempt",
                PayoutQueries::transferRow,
                payoutId);
    }

    public Optional<TransferRow> transfer(String reference) {
        return jdbc
                .query("select * from transfer_view where reference = ?", PayoutQueries::transferRow, reference)
                .stream()
                .findFirst();
    }

    public Optional<SentTransfer> sentTransfer(String reference) {
        return jdbc
                .query(
                        "select reference, payout_id, batch_id, amount, account_number, holder_name, bank_name from transfer_view where reference = ?",
                        (rs, i) -> new SentTransfer(
                                rs.getString(1),
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getBigDecimal(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7)),
                        reference)
                .stream()
                .findFirst();
    }

    public Optional<BatchTotals> batch(UUID batchId) {
        return jdbc
                .query(BATCH_TOTALS + " where batch_id = ? group by batch_id", PayoutQueries::batchTotals, batchId)
                .stream()
                .findFirst();
    }

    /** Batches of a day (every district), or of every day when {@code day} is null. */
    public List<BatchTotals> batches(LocalDate day) {
        return jdbc.query(
                BATCH_TOTALS
                        + " where (?::date is null or day = ?::date) group by batch_id order by min(day) desc, min(district)",
                PayoutQueries::batchTotals,
                day,
                day);
    }

    /** Our confirmed transfers of a batch, by reference. */
    public List<TransferRow> confirmedIn(UUID batchId) {
        return jdbc.query(
                "select * from transfer_view where batch_id = ? and status = 'SUCCEEDED'",
                PayoutQueries::transferRow,
                batchId);
    }

    /** Batches of days before {@code today} with no transfer left at the bank, never reconciled or changed since. */
    public List<UUID> batchesToReconcile(LocalDate today) {
        return jdbc.queryForList("""
                select t.batch_id from transfer_view t left join batch_reconciliation r on r.batch_id = t.batch_id
                where t.day < ? group by t.batch_id, r.reconciled_at
                having count(*) filter (where t.status = 'SENT') = 0
                   and (r.reconciled_at is null or max(coalesce(t.confirmed_at, t.requested_at)) > r.reconciled_at)""", UUID.class, today);
    }

    public Optional<Reconciliation> reconciliation(UUID batchId) {
        return jdbc
                .query(
                        "select status, count, amount, bank_count, bank_amount, differences, reconciled_at from batch_reconciliation where batch_id = ?",
                        (rs, i) -> new Reconciliation(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getBigDecimal(3),
                                rs.getInt(4),
                                rs.getBigDecimal(5),
                                rs.getString(6).isEmpty()
                                        ? List.of()
                                        : Arrays.asList(rs.getString(6).split("\n")),
                                instant(rs, 7)),
                        batchId)
                .stream()
                .findFirst();
    }

    public Optional<RecoveryAccount> recovery(UUID memberId) {
        List<RecoveryEntry> entries = jdbc.query(
                "select kind, payout_id, reference, amount, outstanding, recorded_on from recovery_entry where member_id = ? order by id",
                (rs, i) -> new RecoveryEntry(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getObject(6, LocalDate.class)),
                memberId);
        return jdbc
                .query(
                        "select opened, offset_sum, repaid, outstanding from recovery_view where member_id = ?",
                        (rs, i) -> new RecoveryAccount(
                                memberId,
                                rs.getBigDecimal(1),
                                rs.getBigDecimal(2),
                                rs.getBigDecimal(3),
                                rs.getBigDecimal(4),
                                entries),
                        memberId)
                .stream()
                .findFirst();
    }

    private static PayoutRow payoutRow(ResultSet rs, int i) throws SQLException {
        return new PayoutRow(
                rs.getObject("payout_id", UUID.class),
                rs.getObject("claim_id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getObject("enrollment_id", UUID.class),
                rs.getString("plan_id"),
                rs.getString("claim_type"),
                rs.getBigDecimal("amount"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("status"),
                rs.getBoolean("has_account"),
                rs.getInt("attempts"),
                rs.getString("reference"),
                rs.getObject("batch_id", UUID.class),
                rs.getString("district"),
                rs.getBigDecimal("transferred"),
                rs.getBigDecimal("offset_amount"),
                rs.getString("account_masked"),
                rs.getString("failure_reason"),
                instant(rs, "next_attempt_at"),
                instant(rs, "requested_at"),
                instant(rs, "scheduled_at"),
                instant(rs, "settled_at"),
                rs.getString("revocation_reason"),
                rs.getBigDecimal("to_recover"));
    }

    private static BatchTotals batchTotals(ResultSet rs, int i) throws SQLException {
        return new BatchTotals(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getObject(3, LocalDate.class),
                rs.getInt(4),
                rs.getBigDecimal(5),
                rs.getInt(6),
                rs.getBigDecimal(7),
                rs.getInt(8),
                rs.getInt(9));
    }

    private static TransferRow transferRow(ResultSet rs, int i) throws SQLException {
        return new TransferRow(
                rs.getString("reference"),
                rs.getObject("payout_id", UUID.class),
                rs.getObject("member_id", UUID.class),
                rs.getInt("attempt"),
                rs.getObject("batch_id", UUID.class),
                rs.getString("district"),
                rs.getObject("day", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("account_masked"),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getString("bank_transaction_id"),
                instant(rs, "requested_at"),
                instant(rs, "confirmed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
