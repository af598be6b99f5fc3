package cn.huzhu.enrollment.command;

import cn.huzhu.identity.BankAccountNumber;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register (or change) the account a member's benefits are paid to. */
public record RegisterBankAccountCommand(@TargetAggregateIdentifier String memberId, String bankName, BankAccountNumber number,
                                         String holderName, LocalDate today) {
    @Override
    public String toString() {
        return "RegisterBankAccountCommand[memberId=" + memberId + ", number=" + number + "]";
    }
}
