package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.identity.BankAccountNumber;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register (or change) the account a member's benefits are paid to, as {@code changedBy}: the member's own change is in force
 * at once; anyone else's waits out {@code coolingOffDays} (the member is told and can stop it).
 */
public record RegisterBankAccountCommand(
        @TargetAggregateIdentifier MemberId memberId,
        String bankName,
        BankAccountNumber number,
        String holderName,
        LocalDate today,
        Actor changedBy,
        int coolingOffDays) {
    public RegisterBankAccountCommand {
        java.util.Objects.requireNonNull(changedBy, "changedBy");
        if (coolingOffDays < 0) {
            throw new IllegalArgumentException("coolingOffDays is never negative");
        }
    }

    @Override
    public String toString() {
        return "RegisterBankAccountCommand[memberId=" + memberId + ", number=" + number + "]";
    }
}
