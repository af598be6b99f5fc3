package cn.huzhu.enrollment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
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

    protected RosterAggregate() {
    }

    RosterAggregate(RosterSubmittedEvent outcome) {
        apply(outcome);
    }

    /**
     * Records the unit's transfer for the roster's enrolments. Null when this very payment is already recorded
     * (a retry); refused when nothing is due, the amount differs from what is due, or another payment was made.
     */
    RosterPaidEvent pay(RecordRosterPaymentCommand command) {
        if (payment != null) {
            if (payment.reference().equals(command.reference()) && payment.amount().compareTo(command.amount()) == 0) {
                return null;
            }
            throw new EnrollmentRefusedException("ALREADY_PAID", "reference", "The roster was paid on " + payment.paidOn()
                    + " with reference " + payment.reference());
        }
        if (enrolled.isEmpty()) {
            throw new EnrollmentRefusedException("NOTHING_TO_PAY", "rosterId", "The roster enrolled nobody, so nothing is due");
        }
        if (command.amount().compareTo(amountDue) != 0) {
            throw new EnrollmentRefusedException("PAYMENT_AMOUNT_MISMATCH", "amount", "The roster's " + enrolled.size()
                    + " enrolments are due " + amountDue.toPlainString() + " yuan; the transfer is " + command.amount().toPlainString());
        }
        RosterPaidEvent paid = new RosterPaidEvent(rosterId, unitId, command.amount(), command.reference(), command.paidOn());
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
        rosterId = event.rosterId();
        unitId = event.unitId();
        enrolled = event.rows().stream().filter(r -> r.status() == RosterRowStatus.ENROLLED).toList();
        amountDue = event.amountDue();
    }

    @EventSourcingHandler
    void on(RosterPaidEvent event) {
        payment = event;
    }
}
