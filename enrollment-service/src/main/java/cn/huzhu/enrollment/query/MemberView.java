package cn.huzhu.enrollment.query;

import java.time.LocalDate;

/**
 * A member as the API shows it: ID number and phone masked; hardship, model-worker and union-member status from the union's
 * registers;
 * the account benefits are paid to, and a change of it still cooling off.
 */
public record MemberView(
        String memberId,
        String unitId,
        String district,
        String name,
        String idNumber,
        String phone,
        String category,
        String gender,
        LocalDate birthDate,
        boolean serviceCard,
        boolean realNameVerified,
        LocalDate registeredOn,
        boolean hardship,
        boolean modelWorker,
        boolean unionMember,
        BankAccount bankAccount,
        BankAccount pendingBankAccount) {

    /**
     * An account; the number masked. {@code effectiveOn}: the day it is (or was) in force from. The account in force is null
     * until one is registered; the pending one is null unless a change made by someone other than the member is cooling off.
     */
    public record BankAccount(
            String bankName,
            String accountType,
            String number,
            String holderName,
            LocalDate registeredOn,
            LocalDate effectiveOn) {}

    /** The same member with the account numbers shown (to the member themself). */
    public MemberView withAccounts(BankAccount inForce, BankAccount pending) {
        return new MemberView(
                memberId,
                unitId,
                district,
                name,
                idNumber,
                phone,
                category,
                gender,
                birthDate,
                serviceCard,
                realNameVerified,
                registeredOn,
                hardship,
                modelWorker,
                unionMember,
                inForce,
                pending);
    }
}
