package cn.huzhu.payout.messaging;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.payout.notify.MemberNotices;
import cn.huzhu.payout.notify.PayoutNotifications;
import cn.huzhu.payout.query.BankAccounts;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' bank accounts from enrollment-service. Payouts waiting for an account, or parked on a rejected one, are sent by
 * the dispatcher once the account is here. A change the member did not make themself is told to the member by SMS (once
 * per record) and waits out its cooling-off period; once a day's accounts come into force, payouts due are sent to them.
 */
@Component
public class BankAccountListener {

    private static final Logger log = LoggerFactory.getLogger(BankAccountListener.class);

    /** The listener's consumer group, as its dead letters name it. */
    public static final String GROUP = "payout-bank-accounts";

    private final BankAccounts accounts;
    private final PayoutNotifications notices;
    private final MemberNotices memberNotices;

    public BankAccountListener(BankAccounts accounts, PayoutNotifications notices, MemberNotices memberNotices) {
        this.accounts = accounts;
        this.notices = notices;
        this.memberNotices = memberNotices;
    }

    @KafkaListener(id = GROUP, topics = Topics.BANK_ACCOUNTS)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event = EventCodec.contracts().decode(record.value());
        if (event instanceof MemberBankAccountRegistered registered) {
            accounts.apply(registered);
            if (!registered.getByMember()) {
                notices.accountChanged(registered);
            }
            if (registered.getPhone() != null) {
                // a member without a phone of their own on record is told on the account's
                memberNotices.phoneKnown(registered.getMemberId());
            }
        }
    }

    /** Puts in force the accounts whose cooling-off has ended (checked every few minutes: the days are what count). */
    @Scheduled(fixedDelayString = "${huzhu.payout.accounts-in-force-check:PT5M}", initialDelayString = "PT10S")
    public void putInForceWhatIsDue() {
        int due = accounts.putInForceWhatIsDue();
        if (due > 0) {
            log.info("{} bank account(s) in force after their cooling-off period", due);
        }
    }
}
