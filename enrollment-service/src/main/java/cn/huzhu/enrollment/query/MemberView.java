package cn.huzhu.enrollment.query;

import java.time.LocalDate;

/** A member as the API shows it: ID number and phone masked. */
public record MemberView(String memberId, String unitId, String district, String name, String idNumber, String phone,
                         String category, String gender, LocalDate birthDate, boolean serviceCard, boolean realNameVerified,
                         LocalDate registeredOn, BankAccount bankAccount) {

    /** The account benefits are paid to; the number masked. Null until the member registers one. */
    public record BankAccount(String bankName, String accountType, String number, String holderName, LocalDate registeredOn) {
    }
}
