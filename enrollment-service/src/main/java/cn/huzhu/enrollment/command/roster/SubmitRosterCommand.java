package cn.huzhu.enrollment.command.roster;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.RosterId;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A unit's roster for a plan: every row is checked, the unit's share of its insured staff is checked, and
 * the rows that pass are enrolled in one transaction, paid by the unit. {@code format} is how it arrived
 * (XLSX, CSV, JSON).
 */
public record SubmitRosterCommand(
        RosterId rosterId,
        UnitId unitId,
        PlanId planId,
        MemberCategory category,
        LocalDate effectiveDate,
        RosterApplication application,
        List<RosterRow> rows,
        String format,
        LocalDate today) {

    /** The most rows one roster may have. */
    public static final int MAX_ROWS = 20_000;

    public SubmitRosterCommand {
        Objects.requireNonNull(rosterId, "rosterId");
        Objects.requireNonNull(today, "today");
        if (unitId == null) {
            throw new IllegalArgumentException("unitId is required");
        }
        if (planId == null) {
            throw new IllegalArgumentException("planId is required");
        }
        category = category == null ? MemberCategory.IN_SERVICE : category;
        application = application == null ? RosterApplication.NONE : application;
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The roster has no members");
        }
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("A roster may have at most " + MAX_ROWS + " members; split it");
        }
    }
}
