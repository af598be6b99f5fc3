package cn.huzhu.enrollment.command;

import cn.huzhu.identity.IdNumber;

import java.time.LocalDate;
import java.util.Objects;

/** Register a member; the member id is derived from the ID number, so one person is one member. */
public record RegisterMemberCommand(String idNumber, String name, String phone, String unitId, MemberCategory category,
                                    boolean serviceCard, boolean realNameVerified, boolean hardship, boolean modelWorker,
                                    LocalDate today) {
    public RegisterMemberCommand {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(today, "today");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
    }

    @Override
    public String toString() {
        return "RegisterMemberCommand[idNumber=" + IdNumber.mask(idNumber) + ", unitId=" + unitId + ", category=" + category + "]";
    }
}
