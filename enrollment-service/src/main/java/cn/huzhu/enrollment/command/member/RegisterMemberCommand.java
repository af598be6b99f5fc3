package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.vocabulary.UnitId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Register a member; the member id is derived from the ID number, so one person is one member. Hardship, model-worker and
 * union-member status come from the union's registers: only a district officer or the scheme administrator ({@code registeredBy}) gives them.
 */
public record RegisterMemberCommand(
        String idNumber,
        String name,
        String phone,
        UnitId unitId,
        MemberCategory category,
        boolean serviceCard,
        boolean realNameVerified,
        boolean hardship,
        boolean modelWorker,
        boolean unionMember,
        LocalDate today,
        Actor registeredBy) {
    public RegisterMemberCommand {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(today, "today");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
    }

    @Override
    public String toString() {
        return "RegisterMemberCommand[idNumber=" + IdNumber.mask(idNumber) + ", unitId=" + unitId + ", category="
                + category + "]";
    }
}
