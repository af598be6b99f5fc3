package cn.huzhu.enrollment.command.roster;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.RosterId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The unit paid for its roster's enrolments, as finance recorded it ({@code recordedBy}, null in events recorded before it
 * was kept); each of them is collected in the same transaction.
 */
public record RosterPaidEvent(
        RosterId rosterId, UnitId unitId, BigDecimal amount, String reference, LocalDate paidOn, Actor recordedBy) {}
