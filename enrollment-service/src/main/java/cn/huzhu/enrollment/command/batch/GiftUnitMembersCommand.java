package cn.huzhu.enrollment.command.batch;

import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Give every listed member of a unit a share of the plan, paid by the union, when the unit qualifies under the
 * plan's gift rule for {@code year} (judged on its imported enrolment and payout ratio of the year before).
 */
public record GiftUnitMembersCommand(
        UnitId unitId, PlanId planId, int year, LocalDate effectiveDate, List<String> memberIds, LocalDate today) {
    public GiftUnitMembersCommand {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(today, "today");
        memberIds = List.copyOf(memberIds);
    }
}
