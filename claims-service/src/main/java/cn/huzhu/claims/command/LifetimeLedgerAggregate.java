package cn.huzhu.claims.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The payments a plan makes once in a member's life (Huzhou's lump sum and allowance on the first diagnosis), across
 * all the member's enrolments in the plan: a benefit account knows one enrolment only. Opened with the first such
 * payment; a claim that would pay one again under a later enrolment is assessed with these marked as paid, and two
 * claims at once meet here (the second append is refused and decided again).
 */
@Aggregate
public class LifetimeLedgerAggregate {

    /** Opened with the member's first lifetime payment under the plan. */
    public record OpenedEvent(String ledgerId, String memberId, String planId) {
    }

    /** A claim made these lifetime payments. */
    public record PaidEvent(String ledgerId, String claimId, Set<String> payments) {
    }

    /** A revoked claim's lifetime payments are undone: the member may be paid them again. */
    public record RestoredEvent(String ledgerId, String claimId) {
    }

    @AggregateIdentifier
    private String ledgerId;
    private final Map<String, Set<String>> byClaim = new HashMap<>();

    protected LifetimeLedgerAggregate() {
    }

    LifetimeLedgerAggregate(String ledgerId, String memberId, String planId) {
        apply(new OpenedEvent(ledgerId, memberId, planId));
    }

    static String idOf(String memberId, String planId) {
        return "lifetime-ledger-" + memberId + "-" + planId;
    }

    Set<String> paid() {
        Set<String> all = new HashSet<>();
        byClaim.values().forEach(all::addAll);
        return all;
    }

    void record(String claimId, Set<String> payments) {
        if (!payments.isEmpty()) {
            apply(new PaidEvent(ledgerId, claimId, Set.copyOf(payments)));
        }
    }

    void restore(String claimId) {
        if (byClaim.containsKey(claimId)) {
            apply(new RestoredEvent(ledgerId, claimId));
        }
    }

    @EventSourcingHandler
    void on(OpenedEvent event) {
        ledgerId = event.ledgerId();
    }

    @EventSourcingHandler
    void on(PaidEvent event) {
        byClaim.put(event.claimId(), event.payments());
    }

    @EventSourcingHandler
    void on(RestoredEvent event) {
        byClaim.remove(event.claimId());
    }
}
