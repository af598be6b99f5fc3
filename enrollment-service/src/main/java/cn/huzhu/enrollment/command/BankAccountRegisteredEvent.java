package cn.huzhu.enrollment.command;

import cn.huzhu.identity.BankAccountNumber;
import java.time.LocalDate;

/** Holds the full account number: payouts transfer to it. Never logged. */
public record BankAccountRegisteredEvent(String memberId, String district, String bankName, BankAccountNumber.Type accountType,
                                         String accountNumber, String holderName, String phone, LocalDate registeredOn) {
    @Override
    public String toString() {
        return "BankAccountRegisteredEvent[memberId=" + memberId + ", accountNumber=" + BankAccountNumber.mask(accountNumber) + "]";
    }
}
