package cn.huzhu.payout.query;

import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.identity.BankAccountNumber;
import cn.huzhu.payout.command.payout.PayeeAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The account each member is paid to, from enrollment-service's {@code MemberBankAccountRegistered}. A record older than
 * the one held (a replay, a redelivery) changes nothing. An account that comes into force later (a change made by someone
 * other than the member, cooling off) waits in {@code bank_account_pending} and the member's account in force is taken
 * away meanwhile, so payouts due wait; it is put in force by {@link #putInForceWhatIsDue} once its day comes.
 */
@Repository
public class BankAccounts {

    private static final String COLUMNS =
            "member_id, account_number, account_hash, account_masked, account_type, bank_name, holder_name,"
                    + " district, phone, registered_on, event_at";
    private static final String UPDATE_NEWER =
            " on conflict (member_id) do update set account_number = excluded.account_number,"
                    + " account_hash = excluded.account_hash, account_masked = excluded.account_masked, account_type = excluded.account_type,"
                    + " bank_name = excluded.bank_name, holder_name = excluded.holder_name, district = excluded.district, phone = excluded.phone,"
                    + " registered_on = excluded.registered_on, event_at = excluded.event_at";
    private static final String UPSERT_IN_FORCE = UPDATE_NEWER + " where bank_account.event_at < excluded.event_at";
    private static final String UPSERT_PENDING = UPDATE_NEWER + ", effective_from = excluded.effective_from"
            + " where bank_account_pending.event_at < excluded.event_at";

    /** A member's account, with the phone notices go to. */
    public record MemberAccount(UUID memberId, PayeeAccount account, String phone) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BankAccounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the account: in force now, or waiting for its day (the member's payouts wait with it). */
    public void apply(MemberBankAccountRegistered e) {
        String number = e.getAccountNumber();
        BankAccountNumber parsed = BankAccountNumber.parse(BankAccountNumber.Type.valueOf(e.getAccountType()), number);
        Timestamp at = Timestamp.from(e.getOccurredAt());
        Object[] row = {
            e.getMemberId(),
            parsed.value(),
            hash(parsed.value()),
            parsed.masked(),
            e.getAccountType(),
            e.getBankName(),
            e.getHolderName(),
            e.getDistrict(),
            e.getPhone(),
            e.getRegisteredOn(),
            at
        };
        if (e.getEffectiveFrom() != null && e.getEffectiveFrom().isAfter(LocalDate.now(clock))) {
            Object[] pending = java.util.Arrays.copyOf(row, row.length + 1);
            pending[row.length] = e.getEffectiveFrom();
            jdbc.update(
                    "insert into bank_account_pending (" + COLUMNS
                            + ", effective_from) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + UPSERT_PENDING,
                    pending);
            jdbc.update("delete from bank_account where member_id = ? and event_at < ?", e.getMemberId(), at);
        } else {
            jdbc.update(
                    "insert into bank_account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + UPSERT_IN_FORCE,
                    row);
            jdbc.update("delete from bank_account_pending where member_id = ? and event_at < ?", e.getMemberId(), at);
        }
    }

    /** Puts in force the accounts whose cooling-off has ended; answers how many. */
    public int putInForceWhatIsDue() {
        return jdbc.update(
                "with due as (delete from bank_account_pending where effective_from <= ? returning " + COLUMNS + ")"
                        + " insert into bank_account (" + COLUMNS + ") select " + COLUMNS + " from due"
                        + UPSERT_IN_FORCE,
                LocalDate.now(clock));
    }

    public Optional<MemberAccount> of(UUID memberId) {
        List<MemberAccount> found = jdbc.query(
                """
                select member_id, account_number, account_masked, account_hash, holder_name, bank_name, district, phone
                from bank_account where member_id = ?""",
                (rs, i) -> new MemberAccount(
                        rs.getObject("member_id", UUID.class),
                        new PayeeAccount(
                                rs.getString("account_number"),
                                rs.getString("account_masked"),
                                rs.getString("account_hash"),
                                rs.getString("holder_name"),
                                rs.getString("bank_name"),
                                rs.getString("district")),
                        rs.getString("phone")),
                memberId);
        return found.stream().findFirst();
    }

    /** Tells accounts apart without keeping their numbers side by side in events. */
    static String hash(String digits) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(digits.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
