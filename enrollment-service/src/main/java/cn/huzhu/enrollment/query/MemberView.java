package cn.huzhu.enrollment.query;

import java.time.LocalDate;

/** A member as the API shows it: ID number and phone masked. */
public record MemberView(String memberId, String unitId, String district, String name, String idNumber, String phone,
                         String category, String gender, LocalDate birthDate, boolean serviceCard, boolean realNameVerified,
                         LocalDate registeredOn) {
}
