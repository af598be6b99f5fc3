package cn.huzhu.enrollment.query;

import cn.huzhu.enrollment.command.RosterPaidEvent;
import cn.huzhu.enrollment.command.RosterSubmittedEvent;

/** A roster as recorded: its outcome and, once the unit has paid, the payment (else null). */
public record RosterRecord(RosterSubmittedEvent outcome, RosterPaidEvent payment) {
}
