package cn.huzhu.enrollment.query;

import cn.huzhu.enrollment.command.roster.RosterPaidEvent;
import cn.huzhu.enrollment.command.roster.RosterSubmittedEvent;

/** A roster as recorded: its outcome and, once the unit has paid, the payment (else null). */
public record RosterRecord(RosterSubmittedEvent outcome, RosterPaidEvent payment) {}
