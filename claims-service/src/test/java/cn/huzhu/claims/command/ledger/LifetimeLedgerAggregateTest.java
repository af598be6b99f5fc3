package cn.huzhu.claims.command.ledger;

import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments made once in a member's life under a plan, across enrolments: recorded per claim, given back when the claim is revoked. */
class LifetimeLedgerAggregateTest {

    static final LedgerId LEDGER =
            LifetimeLedgerAggregate.idOf(new MemberId("m-1"), new PlanId("huzhou-2019-critical"));
    static final String LUMP_SUM = "LumpSum#0:lifetime";
    static final String ALLOWANCE = "Allowance#1:lifetime";

    record Pay(@TargetAggregateIdentifier LedgerId ledgerId, ClaimId claimId, Set<String> payments) {}

    record Restore(@TargetAggregateIdentifier LedgerId ledgerId, ClaimId claimId) {}

    record Paid(@TargetAggregateIdentifier LedgerId ledgerId) {}

    FixtureConfiguration<LifetimeLedgerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LifetimeLedgerAggregate.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            Set<String> handle(Pay pay) throws Exception {
                var ledger = fixture.getRepository().load(pay.ledgerId().value());
                ledger.execute(l -> l.record(pay.claimId(), pay.payments()));
                return ledger.invoke(LifetimeLedgerAggregate::paid);
            }

            @CommandHandler
            Set<String> handle(Restore restore) throws Exception {
                var ledger = fixture.getRepository().load(restore.ledgerId().value());
                ledger.execute(l -> l.restore(restore.claimId()));
                return ledger.invoke(LifetimeLedgerAggregate::paid);
            }
        });
    }

    static final LifetimeLedgerOpenedEvent OPENED =
            new LifetimeLedgerOpenedEvent(LEDGER, new MemberId("m-1"), new PlanId("huzhou-2019-critical"));

    @Test
    void aClaimsLifetimePaymentsAreRecordedAndKnownAsPaid() {
        fixture.given(OPENED)
                .when(new Pay(LEDGER, new ClaimId("c-1"), Set.of(LUMP_SUM, ALLOWANCE)))
                .expectEvents(new LifetimeLedgerPaidEvent(LEDGER, new ClaimId("c-1"), Set.of(LUMP_SUM, ALLOWANCE)))
                .expectResultMessagePayload(Set.of(LUMP_SUM, ALLOWANCE));
    }

    @Test
    void aClaimThatPaidNoLifetimePaymentRecordsNothing() {
        fixture.given(OPENED)
                .when(new Pay(LEDGER, new ClaimId("c-1"), Set.of()))
                .expectNoEvents()
                .expectResultMessagePayload(Set.of());
    }

    @Test
    void aRevokedClaimsPaymentsMayBePaidAgainButAnothersStayPaid() {
        fixture.given(
                        OPENED,
                        new LifetimeLedgerPaidEvent(LEDGER, new ClaimId("c-1"), Set.of(LUMP_SUM)),
                        new LifetimeLedgerPaidEvent(LEDGER, new ClaimId("c-2"), Set.of(ALLOWANCE)))
                .when(new Restore(LEDGER, new ClaimId("c-1")))
                .expectEvents(new LifetimeLedgerRestoredEvent(LEDGER, new ClaimId("c-1")))
                .expectResultMessagePayload(Set.of(ALLOWANCE));
    }

    @Test
    void restoringAClaimThatPaidNothingHereRecordsNothing() {
        fixture.given(OPENED, new LifetimeLedgerPaidEvent(LEDGER, new ClaimId("c-1"), Set.of(LUMP_SUM)))
                .when(new Restore(LEDGER, new ClaimId("c-9")))
                .expectNoEvents()
                .expectResultMessagePayload(Set.of(LUMP_SUM));
    }
}
