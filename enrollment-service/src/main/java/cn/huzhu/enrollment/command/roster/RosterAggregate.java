package cn.huzhu.enrollment.command.roster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.RosterId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A submitted roster and its outcome, kept as the record the unit and the union refer to, and the unit's payment for it. */
@Aggregate
public class RosterAggregate {

    @AggregateIdentifier
    private String rosterId;

    private String unitId;
    private List<RosterRowResult> enrolled = List.of();
    private BigDecimal amountDue = BigDecimal.ZERO;
    private RosterPaidEvent payment;
    private LocalDate submittedOn;

    protected RosterAggregate() {}

    RosterAggregate(RosterSubmittedEvent outcome) {
        apply(outcome);
    }

    /**
     * Records the unit's transfer for the roster's enrolments. Null when this very payment is already recorded
     * (a retry); refused when nothing is due, the amount differs from what is due, or another payment was made.
     */
    RosterPaidEvent pay(RecordRosterPaymentCommand command) {
        if (!command.recordedBy().actsAs(Actor.Capacity.FINANCE)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.FINANCE_ONLY,
                    "reference",
                    "A roster's payment is recorded by finance, with the bank's reference");
        }
        if (command.paidOn().isAfter(command.today())
                || submittedOn != null && command.paidOn().isBefore(submittedOn)) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.PAID_OUTSIDE_ROSTER,
                    "paidOn",
                    "The payment was made between the roster's submission (" + submittedOn + ") and today");
        }
        if (payment != null) {
            if (payment.reference().equals(command.reference())
                    && payment.amount().compareTo(command.amount()) == 0) {
                return null;
            }
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.ALREADY_PAID,
                    "reference",
                    "The roster was paid on " + payment.paidOn() + " with reference " + payment.reference());
        }
        if (enrolled.isEmpty()) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.NOTHING_TO_PAY, "rosterId", "The roster enrolled nobody, so nothing is due");
        }
        if (command.amount().compareTo(amountDue) != 0) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.PAYMENT_AMOUNT_MISMATCH,
                    "amount",
                    "The roster's " + enrolled.size() + " enrolments are due " + amountDue.toPlainString()
                            + " yuan; the transfer is " + command.amount().toPlainString());
        }
        RosterPaidEvent paid = new RosterPaidEvent(
                new RosterId(rosterId),
                new UnitId(unitId),
                command.amount(),
                command.reference(),
                command.paidOn(),
                command.recordedBy());
        apply(paid);
        return paid;
    }

    RosterPaidEvent payment() {
        return payment;
    }

    List<RosterRowResult> enrolledRows() {
        return enrolled;
    }

    @EventSourcingHandler
    void on(RosterSubmittedEvent event) {
        rosterId = event.rosterId().value();
        unitId = event.unitId().value();
        enrolled = event.rows().stream()
                .filter(r -> r.status() == RosterRowStatus.ENROLLED)
                .toList();
        amountDue = event.amountDue();
        submittedOn = event.submittedOn();
    }

    @EventSourcingHandler
    void on(RosterPaidEvent event) {
        payment = event;
    }
}
