package cn.huzhu.claims.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.claims.engine.Adjudication;
import cn.huzhu.claims.engine.BenefitAccount;
import cn.huzhu.claims.engine.BenefitEngine;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.Coverage;
import cn.huzhu.claims.engine.PlanRules;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * What has been paid under one enrolment: caps used, the year's cumulative amounts, one-time payments. Every
 * claim under the enrolment is adjudicated against it inside its lock, and an append with a stale sequence
 * number is refused, so two concurrent claims can never both consume the last of a cap or both get a lump sum.
 */
@Aggregate
public class BenefitAccountAggregate {

    @AggregateIdentifier
    private String accountId;
    private BenefitAccount account = BenefitAccount.EMPTY;

    protected BenefitAccountAggregate() {
    }

    BenefitAccountAggregate(String accountId, String enrollmentId, String memberId) {
        apply(new BenefitAccountOpenedEvent(accountId, enrollmentId, memberId));
    }

    static String idOf(String enrollmentId) {
        return "benefit-account-" + enrollmentId;
    }

    BenefitAccount account() {
        return account;
    }

    Adjudication adjudicate(String claimId, PlanRules plan, Coverage coverage, Claim claim) {
        Adjudication result = BenefitEngine.adjudicate(plan, coverage, account, claim);
        if (result.approved()) {
            apply(new BenefitAccountChargedEvent(accountId, coverage.enrollmentId(), claimId, result.amount(), result.accountAfter()));
        }
        return result;
    }

    @EventSourcingHandler
    void on(BenefitAccountOpenedEvent event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(BenefitAccountChargedEvent event) {
        account = event.account();
    }
}
