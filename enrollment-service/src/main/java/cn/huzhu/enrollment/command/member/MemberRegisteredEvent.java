package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.identity.Gender;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.UnitId;
import java.time.LocalDate;

/** Holds the full ID number and phone: the event store is the system of record. Never logged. */
public record MemberRegisteredEvent(
        MemberId memberId,
        String idNumber,
        String name,
        String phone,
        UnitId unitId,
        String district,
        MemberCategory category,
        Gender gender,
        LocalDate birthDate,
        boolean serviceCard,
        boolean realNameVerified,
        LocalDate registeredOn,
        boolean hardship,
        boolean modelWorker,
        boolean unionMember) {
    @Override
    public String toString() {
        return "MemberRegisteredEvent[memberId=" + memberId + ", idNumber=" + IdNumber.mask(idNumber) + ", district="
                + district + "]";
    }
}
