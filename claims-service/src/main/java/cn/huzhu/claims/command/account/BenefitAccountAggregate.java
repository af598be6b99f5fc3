package cn.huzhu.claims.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.claims.engine.Adjudication;
import cn.huzhu.claims.engine.BenefitAccount;
import cn.huzhu.claims.engine.BenefitEngine;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.Coverage;
import cn.huzhu.claims.engine.PlanRules;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * What has been paid under one enrolment: caps used, the year's cumulative amounts, one-time payments. Every
 * claim under the enrolment is adjudicated against it inside its lock, and an append with a stale sequence
 * number is refused, so two concurrent claims can never both consume the last of a cap or both get a lump sum.
 */
@Aggregate(cache = "accountCache")
public class BenefitAccountAggregate {

    @AggregateIdentifier
    private AccountId accountId;

    private BenefitAccount account = BenefitAccount.EMPTY;
    private final Map<ClaimId, BenefitAccountChargedEvent> charges = new HashMap<>();

    protected BenefitAccountAggregate() {}

    public BenefitAccountAggregate(AccountId accountId, EnrollmentId enrollmentId, MemberId memberId) {
        apply(new BenefitAccountOpenedEvent(accountId, enrollmentId, memberId));
    }

    public static AccountId idOf(EnrollmentId enrollmentId) {
        return AccountId.of(enrollmentId);
    }

    public BenefitAccount account() {
        return account;
    }

    /**
     * What the claim would get under this enrolment given what was paid before under it and, once in a life, under the
     * member's other enrolments in the plan ({@code paidElsewhere}); nothing is recorded.
     */
    public Adjudication assess(PlanRules plan, Coverage coverage, Claim claim, Set<String> paidElsewhere) {
        return BenefitEngine.adjudicate(plan, coverage, account.withPaid(paidElsewhere), claim);
    }

    /** Records an approved assessment made in this unit of work (the aggregate is locked since it was loaded). */
    public void charge(ClaimId claimId, EnrollmentId enrollmentId, Adjudication result, Set<String> paidElsewhere) {
        if (result.approved()) {
            BenefitAccount after = result.accountAfter();
            Map<String, BigDecimal> added = new HashMap<>();
            after.amounts().forEach((key, value) -> {
                BigDecimal delta = value.subtract(account.amount(key));
                if (delta.signum() != 0) {
                    added.put(key, delta);
                }
            });
            Set<String> marked = new HashSet<>(after.paidOnce());
            marked.removeAll(account.paidOnce());
            marked.removeAll(paidElsewhere);
            apply(new BenefitAccountChargedEvent(
                    accountId, enrollmentId, claimId, result.amount(), StoredAccount.of(after), added, marked));
        }
    }

    /** Takes a revoked claim's payment out of the account: its amounts and its one-time payments. Nothing if it paid nothing here. */
    public void restore(ClaimId claimId) {
        BenefitAccountChargedEvent charge = charges.get(claimId);
        if (charge == null) {
            return;
        }
        Map<String, BigDecimal> amounts = new HashMap<>(account.amounts());
        charge.added().forEach((key, delta) -> amounts.merge(key, delta.negate(), BigDecimal::add));
        Set<String> paidOnce = new HashSet<>(account.paidOnce());
        paidOnce.removeAll(charge.markedPaid());
        apply(new BenefitAccountRestoredEvent(accountId, claimId, new StoredAccount(amounts, paidOnce)));
    }

    @EventSourcingHandler
    void on(BenefitAccountOpenedEvent event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(BenefitAccountChargedEvent event) {
        account = event.account().toAccount();
        charges.put(event.claimId(), event);
    }

    @EventSourcingHandler
    void on(BenefitAccountRestoredEvent event) {
        account = event.account().toAccount();
        charges.remove(event.claimId());
    }
}
