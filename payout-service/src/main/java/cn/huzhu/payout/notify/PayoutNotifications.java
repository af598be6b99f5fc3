package cn.huzhu.payout.notify;

import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.payout.command.PayoutEvents.PayoutParked;
import cn.huzhu.payout.command.PayoutEvents.TransferFailed;
import cn.huzhu.payout.command.PayoutEvents.TransferSucceeded;
import cn.huzhu.payout.query.BankAccounts;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the member by SMS when a payout reached their card and when it could not (account rejected, last attempt failed).
 * A message names the card by its last four digits only. Each event is told once: its id is recorded in the transaction
 * of the processor's token, before the message leaves.
 */
@Component
@ProcessingGroup("notifications")
public class PayoutNotifications {

    private static final Logger log = LoggerFactory.getLogger(PayoutNotifications.class);

    private final Notifier notifier;
    private final BankAccounts accounts;
    private final JdbcTemplate jdbc;

    public PayoutNotifications(Notifier notifier, BankAccounts accounts, JdbcTemplate jdbc) {
        this.notifier = notifier;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferSucceeded e, EventMessage<?> message) {
        String text = "【职工互助】您的互助保障金" + yuan(e.benefit()) + "元已汇入您尾号" + last4(e.accountMasked()) + "的银行卡，请注意查收。";
        if (e.benefit().compareTo(e.amount()) != 0) {
            text += "其中" + yuan(e.benefit().subtract(e.amount())) + "元已抵扣您应退回的互助金，实际汇入" + yuan(e.amount()) + "元。";
        }
        tell(message.getIdentifier(), e.memberId(), "SUCCEEDED", text);
    }

    @EventHandler
    void on(PayoutParked e, EventMessage<?> message) {
        tell(message.getIdentifier(), e.memberId(), "ACCOUNT_REJECTED", "【职工互助】您的互助保障金" + yuan(e.amount()) + "元未能汇入尾号"
                + last4(e.accountMasked()) + "的银行卡（银行退回：账户无效），请到所在工会更新银行卡信息。");
    }

    @EventHandler
    void on(TransferFailed e, EventMessage<?> message) {
        if (e.last()) {
            tell(message.getIdentifier(), e.memberId(), "FAILED", "【职工互助】您的互助保障金" + yuan(e.amount()) + "元汇入尾号"
                    + last4(e.accountMasked()) + "的银行卡未成功，请联系所在工会。");
        }
    }

    /**
     * Tells the member that someone else changed the account their benefits are paid to, and when it comes into force, so
     * that a change they did not make can be stopped before money goes there.
     */
    public void accountChanged(MemberBankAccountRegistered e) {
        String last4 = e.getAccountNumber().length() < 4 ? "****" : e.getAccountNumber().substring(e.getAccountNumber().length() - 4);
        String when = e.getEffectiveFrom() == null ? "即日" : e.getEffectiveFrom().getMonthValue() + "月" + e.getEffectiveFrom().getDayOfMonth() + "日";
        tell(e.getEventId().toString(), e.getMemberId().toString(), "ACCOUNT_CHANGED", e.getPhone(), "【职工互助】您的互助保障金收款账户已由工会变更为"
                + e.getBankName() + "尾号" + last4 + "的账户，将于" + when + "起生效。如非您本人申请，请在生效前联系所在工会。");
    }

    private void tell(String eventId, String memberId, String kind, String text) {
        tell(eventId, memberId, kind, null, text);
    }

    /** Sends once per event: its id is recorded first. The phone is the member's on record unless given. */
    private void tell(String eventId, String memberId, String kind, String phoneGiven, String text) {
        UUID member = UUID.fromString(memberId);
        int first = jdbc.update("insert into notification_log (event_id, member_id, kind, sent_at) values (?, ?, ?, ?) on conflict do nothing",
                eventId, member, kind, Timestamp.from(Instant.now()));
        if (first == 0) {
            return;
        }
        String phone = phoneGiven != null ? phoneGiven : accounts.of(member).map(BankAccounts.MemberAccount::phone).orElse(null);
        if (phone == null || phone.isBlank()) {
            log.info("No phone for member {}: {} notice not sent", memberId, kind);
            return;
        }
        notifier.send(phone, text);
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    static String last4(String masked) {
        return masked == null || masked.length() < 4 ? "****" : masked.substring(masked.length() - 4);
    }
}
