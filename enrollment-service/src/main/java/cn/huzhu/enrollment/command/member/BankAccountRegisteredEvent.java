package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.identity.BankAccountNumber;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;

/**
 * Holds the full account number: payouts transfer to it. Never logged. In force from {@code effectiveOn} (a change by
 * anyone but the member waits out a cooling-off period); events recorded before that was kept were in force at once and
 * have no {@code changedBy}.
 */
public record BankAccountRegisteredEvent(
        MemberId memberId,
        String district,
        String bankName,
        BankAccountNumber.Type accountType,
        String accountNumber,
        String holderName,
        String phone,
        LocalDate registeredOn,
        LocalDate effectiveOn,
        Actor changedBy) {

    /** The day the account is in force from. */
    public LocalDate inForceFrom() {
        return effectiveOn == null ? registeredOn : effectiveOn;
    }

    /** Whether the member made the change themselves (or it was recorded before who made it was kept). */
    public boolean byMember() {
        return changedBy == null || changedBy.is(memberId.value());
    }

    @Override
    public String toString() {
        return "BankAccountRegisteredEvent[memberId=" + memberId + ", accountNumber="
                + BankAccountNumber.mask(accountNumber) + "]";
    }
}
