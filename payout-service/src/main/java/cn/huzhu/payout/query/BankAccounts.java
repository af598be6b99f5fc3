package cn.huzhu.payout.query;

import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.identity.BankAccountNumber;
import cn.huzhu.payout.command.PayoutCommands.Account;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The account each member is paid to, from enrollment-service's {@code MemberBankAccountRegistered}. A record older than
 * the one held (a replay, a redelivery) changes nothing.
 */
@Repository
public class BankAccounts {

    /** A member's account, with the phone notices go to. */
    public record MemberAccount(UUID memberId, Account account, String phone) {
    }

    private final JdbcTemplate jdbc;

    public BankAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(MemberBankAccountRegistered e) {
        String number = e.getAccountNumber();
        BankAccountNumber parsed = BankAccountNumber.parse(BankAccountNumber.Type.valueOf(e.getAccountType()), number);
        jdbc.update("""
                insert into bank_account (member_id, account_number, account_hash, account_masked, account_type, bank_name, holder_name, district,
                                          phone, registered_on, event_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (member_id) do update set account_number = excluded.account_number, account_hash = excluded.account_hash,
                    account_masked = excluded.account_masked, account_type = excluded.account_type, bank_name = excluded.bank_name,
                    holder_name = excluded.holder_name, district = excluded.district, phone = excluded.phone,
                    registered_on = excluded.registered_on, event_at = excluded.event_at
                where bank_account.event_at < excluded.event_at""",
                e.getMemberId(), parsed.value(), hash(parsed.value()), parsed.masked(), e.getAccountType(), e.getBankName(), e.getHolderName(),
                e.getDistrict(), e.getPhone(), e.getRegisteredOn(), Timestamp.from(e.getOccurredAt()));
    }

    public Optional<MemberAccount> of(UUID memberId) {
        List<MemberAccount> found = jdbc.query("""
                select member_id, account_number, account_masked, account_hash, holder_name, bank_name, district, phone
                from bank_account where member_id = ?""",
                (rs, i) -> new MemberAccount(rs.getObject("member_id", UUID.class),
                        new Account(rs.getString("account_number"), rs.getString("account_masked"), rs.getString("account_hash"),
                                rs.getString("holder_name"), rs.getString("bank_name"), rs.getString("district")),
                        rs.getString("phone")), memberId);
        return found.stream().findFirst();
    }

    /** Tells accounts apart without keeping their numbers side by side in events. */
    static String hash(String digits) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(digits.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
