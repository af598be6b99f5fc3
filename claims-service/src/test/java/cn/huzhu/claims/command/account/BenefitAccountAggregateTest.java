package cn.huzhu.claims.command.account;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import cn.huzhu.claims.engine.Adjudication;
import cn.huzhu.claims.engine.Bill;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.Coverage;
import cn.huzhu.claims.engine.SeedPlans;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One enrolment's benefit account, with Shaoxing's hospital plan (seed 001): 80 % of the co-pay in whole yuan, at most
 * 50 000 a year, plus 25 a day. A claim is assessed against what was paid before and charged with what it added; a
 * revoked claim's additions are taken out again.
 */
class BenefitAccountAggregateTest {

    static final AccountId ACCOUNT = BenefitAccountAggregate.idOf(new EnrollmentId("e-1"));
    static final String CAP = "cap:FlatRate#0";
    static final Coverage COVER = new Coverage(
            "e-1",
            "shaoxing-hospital",
            1,
            1,
            LocalDate.of(2015, 1, 1),
            LocalDate.of(2015, 12, 31),
            LocalDate.of(2015, 1, 1),
            false);

    /** Assess and, when it pays, charge: what ClaimHandler does in one unit of work. */
    record AssessAndCharge(@TargetAggregateIdentifier AccountId accountId, ClaimId claimId, Claim claim) {}

    record Restore(@TargetAggregateIdentifier AccountId accountId, ClaimId claimId) {}

    FixtureConfiguration<BenefitAccountAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BenefitAccountAggregate.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            BigDecimal handle(AssessAndCharge command) throws Exception {
                var account = fixture.getRepository().load(command.accountId().value());
                Adjudication result = account.invoke(
                        a -> a.assess(SeedPlans.plan("shaoxing-hospital"), COVER, command.claim(), Set.of()));
                account.execute(a -> a.charge(command.claimId(), new EnrollmentId("e-1"), result, Set.of()));
                return result.amount();
            }

            @CommandHandler
            void handle(Restore command) throws Exception {
                fixture.getRepository().load(command.accountId().value()).execute(a -> a.restore(command.claimId()));
            }
        });
    }

    static final BenefitAccountOpenedEvent OPENED =
            new BenefitAccountOpenedEvent(ACCOUNT, new EnrollmentId("e-1"), new MemberId("m-1"));

    static Claim stay(int day, int days, String coPay) {
        return Claim.hospitalization(LocalDate.of(2015, 3, day), days, Bill.settled("20000", "10000", "0", coPay, "0"));
    }

    static BenefitAccountChargedEvent charged(ClaimId claimId, String paid, String capBefore, String added) {
        BigDecimal after = new BigDecimal(capBefore).add(new BigDecimal(added));
        return new BenefitAccountChargedEvent(
                ACCOUNT,
                new EnrollmentId("e-1"),
                claimId,
                new BigDecimal(paid),
                new StoredAccount(Map.of(CAP, after), Set.of()),
                Map.of(CAP, new BigDecimal(added)),
                Set.of());
    }

    @Test
    void theSeedsExampleIsChargedWithWhatItAddsToTheYearsCap() {
        // 2 287.99 × 80 % = 1 830.39, whole yuan down: 1 830.00 toward the cap; 10 days × 25 = 250.00 outside it
        fixture.given(OPENED)
                .when(new AssessAndCharge(ACCOUNT, new ClaimId("c-1"), stay(2, 10, "2287.99")))
                .expectResultMessagePayload(new BigDecimal("2080.00"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((BenefitAccountChargedEvent e) -> e.claimId().equals(new ClaimId("c-1"))
                                && e.amount().compareTo(new BigDecimal("2080.00")) == 0
                                && e.added().get(CAP).compareTo(new BigDecimal("1830.00")) == 0
                                && e.account().toAccount().amount(CAP).compareTo(new BigDecimal("1830.00")) == 0),
                        andNoMore())));
    }

    @Test
    void whatWasChargedBeforeLeavesOnlyTheRestOfTheCap() {
        // 49 500 used: 500 of the cap is left, plus the allowance of 250
        fixture.given(OPENED, charged(new ClaimId("c-0"), "49500.00", "0", "49500.00"))
                .when(new AssessAndCharge(ACCOUNT, new ClaimId("c-1"), stay(20, 10, "2287.99")))
                .expectResultMessagePayload(new BigDecimal("750.00"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((BenefitAccountChargedEvent e) ->
                                e.added().get(CAP).compareTo(new BigDecimal("500.00")) == 0
                                        && e.account().toAccount().amount(CAP).compareTo(new BigDecimal("50000.00"))
                                                == 0),
                        andNoMore())));
    }

    @Test
    void aClaimThatPaysNothingChargesNothing() {
        // the cap is used up and the stay has no day in hospital to give an allowance for
        fixture.given(OPENED, charged(new ClaimId("c-0"), "50000.00", "0", "50000.00"))
                .when(new AssessAndCharge(ACCOUNT, new ClaimId("c-1"), stay(20, 0, "2287.99")))
                .expectResultMessagePayload(new BigDecimal("0.00"))
                .expectNoEvents();
    }

    @Test
    void aRevokedClaimsAdditionsAreTakenOutAndTheOthersStay() {
        fixture.given(
                        OPENED,
                        charged(new ClaimId("c-1"), "2080.00", "0", "1830.00"),
                        charged(new ClaimId("c-2"), "1000.00", "1830.00", "800.00"))
                .when(new Restore(ACCOUNT, new ClaimId("c-1")))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((BenefitAccountRestoredEvent e) -> e.claimId().equals(new ClaimId("c-1"))
                                && e.account().toAccount().amount(CAP).compareTo(new BigDecimal("800.00")) == 0),
                        andNoMore())));
    }

    @Test
    void restoringAClaimThatPaidNothingHereRecordsNothing() {
        fixture.given(OPENED, charged(new ClaimId("c-1"), "2080.00", "0", "1830.00"))
                .when(new Restore(ACCOUNT, new ClaimId("c-9")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
