package cn.huzhu.claims.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
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

    @AggregateIdentifier
    private LedgerId ledgerId;

    private final Map<ClaimId, Set<String>> byClaim = new HashMap<>();

    protected LifetimeLedgerAggregate() {}

    public LifetimeLedgerAggregate(LedgerId ledgerId, MemberId memberId, PlanId planId) {
        apply(new LifetimeLedgerOpenedEvent(ledgerId, memberId, planId));
    }

    public static LedgerId idOf(MemberId memberId, PlanId planId) {
        return LedgerId.of(memberId, planId);
    }

    public Set<String> paid() {
        Set<String> all = new HashSet<>();
        byClaim.values().forEach(all::addAll);
        return all;
    }

    public void record(ClaimId claimId, Set<String> payments) {
        if (!payments.isEmpty()) {
            apply(new LifetimeLedgerPaidEvent(ledgerId, claimId, Set.copyOf(payments)));
        }
    }

    public void restore(ClaimId claimId) {
        if (byClaim.containsKey(claimId)) {
            apply(new LifetimeLedgerRestoredEvent(ledgerId, claimId));
        }
    }

    @EventSourcingHandler
    void on(LifetimeLedgerOpenedEvent event) {
        ledgerId = event.ledgerId();
    }

    @EventSourcingHandler
    void on(LifetimeLedgerPaidEvent event) {
        byClaim.put(event.claimId(), event.payments());
    }

    @EventSourcingHandler
    void on(LifetimeLedgerRestoredEvent event) {
        byClaim.remove(event.claimId());
    }
}
