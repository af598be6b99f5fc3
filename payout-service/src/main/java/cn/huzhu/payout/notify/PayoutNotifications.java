package cn.huzhu.payout.notify;

import static cn.huzhu.payout.notify.MemberNotices.last4;

import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.payout.command.payout.PayoutParkedEvent;
import cn.huzhu.payout.command.payout.TransferFailedEvent;
import cn.huzhu.payout.command.payout.TransferSucceededEvent;
import cn.huzhu.payout.command.recovery.RecoveryOpenedEvent;
import cn.huzhu.vocabulary.Money;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Tells the member by SMS when a payout reached their card and when it could not (account rejected, last attempt failed),
 * when a revoked claim leaves them owing money back, and when someone else changed their account. A message names the card
 * by its last four digits only. Each event is told once ({@link MemberNotices}): its row is written in the transaction of
 * the processor's token, before the message leaves.
 */
@Component
@ProcessingGroup("notifications")
public class PayoutNotifications {

    private final MemberNotices notices;

    public PayoutNotifications(MemberNotices notices) {
        this.notices = notices;
    }

    @EventHandler
    void on(TransferSucceededEvent e, EventMessage<?> message) {
        String offset = e.benefit().compareTo(e.amount()) == 0
                ? ""
                : "其中" + Money.text(e.benefit().subtract(e.amount())) + "元已抵扣您应退回的互助金，实际汇入" + Money.text(e.amount())
                        + "元。";
        notices.tell(
                message.getIdentifier(),
                UUID.fromString(e.memberId().value()),
                NoticeKind.PAYOUT_SUCCEEDED,
                Map.of("amount", Money.text(e.benefit()), "card", last4(e.accountMasked()), "offset", offset));
    }

    @EventHandler
    void on(PayoutParkedEvent e, EventMessage<?> message) {
        notices.tell(
                message.getIdentifier(),
                UUID.fromString(e.memberId().value()),
                NoticeKind.PAYOUT_ACCOUNT_REJECTED,
                Map.of("amount", Money.text(e.amount()), "card", last4(e.accountMasked())));
    }

    @EventHandler
    void on(TransferFailedEvent e, EventMessage<?> message) {
        if (e.last()) {
            notices.tell(
                    message.getIdentifier(),
                    UUID.fromString(e.memberId().value()),
                    NoticeKind.PAYOUT_FAILED,
                    Map.of("amount", Money.text(e.amount()), "card", last4(e.accountMasked())));
        }
    }

    @EventHandler
    void on(RecoveryOpenedEvent e, EventMessage<?> message) {
        notices.tell(
                message.getIdentifier(),
                UUID.fromString(e.memberId().value()),
                NoticeKind.RECOVERY_OPENED,
                Map.of("amount", Money.text(e.amount()), "outstanding", Money.text(e.outstanding())));
    }

    /**
     * Tells the member that someone else changed the account their benefits are paid to, and when it comes into force, so
     * that a change they did not make can be stopped before money goes there.
     */
    public void accountChanged(MemberBankAccountRegistered e) {
        String when = e.getEffectiveFrom() == null ? "即日" : MemberNotices.day(e.getEffectiveFrom());
        notices.tell(
                e.getEventId().toString(),
                e.getMemberId(),
                NoticeKind.ACCOUNT_CHANGED,
                Map.of("bank", e.getBankName(), "card", last4(e.getAccountNumber()), "when", when),
                e.getPhone());
    }
}
