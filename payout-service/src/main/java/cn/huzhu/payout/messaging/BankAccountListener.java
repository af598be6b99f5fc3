package cn.huzhu.payout.messaging;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.MemberBankAccountRegistered;
import cn.huzhu.payout.query.BankAccounts;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Members' bank accounts from enrollment-service. Payouts waiting for an account, or parked on a rejected one, are sent by
 * the dispatcher once the account is here.
 */
@Component
public class BankAccountListener {

    private final BankAccounts accounts;

    public BankAccountListener(BankAccounts accounts) {
        this.accounts = accounts;
    }

    @KafkaListener(id = "payout-bank-accounts", topics = Topics.BANK_ACCOUNTS)
    public void on(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event = EventCodec.contracts().decode(record.value());
        if (event instanceof MemberBankAccountRegistered registered) {
            accounts.apply(registered);
        }
    }
}
