package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.PayoutIds;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One benefit paid once: scheduled once however often the decision comes, a transfer recorded before it leaves, only a
 * payout with no transfer at the bank sent again, retries backing off, a refused account parked until another is given,
 * and a revocation that cancels, recovers or waits for the bank by where the payout stands.
 */
class PayoutAggregateTest {

    static final PayoutId PAYOUT = PayoutIds.payout(new ClaimId("c-1"), new EnrollmentId("e-1"));
    static final LocalDate DECIDED = LocalDate.of(2015, 3, 2);
    /** 17:30 UTC on 2 March is 01:30 on 3 March in Shanghai: the bank's day is the member's. */
    static final Instant NOW = Instant.parse("2015-03-02T17:30:00Z");

    static final LocalDate DAY = LocalDate.of(2015, 3, 3);
    static final PayeeAccount CARD =
            new PayeeAccount("6222020200112233445", "6222 **** **** 3445", "hash-1", "张三", "工商银行", "越城区");
    static final PayeeAccount NEW_CARD =
            new PayeeAccount("6217000011112222333", "6217 **** **** 2333", "hash-2", "张三", "建设银行", "越城区");
    static final BatchId BATCH = PayoutIds.batch("越城区", DAY);

    FixtureConfiguration<PayoutAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PayoutAggregate.class);
    }

    static SchedulePayoutCommand schedule(String amount) {
        return new SchedulePayoutCommand(
                PAYOUT,
                new ClaimId("c-1"),
                new MemberId("m-1"),
                new EnrollmentId("e-1"),
                new PlanId("shaoxing-hospital"),
                "HOSPITALIZATION",
                new BigDecimal(amount),
                DECIDED);
    }

    static final PayoutScheduledEvent SCHEDULED = new PayoutScheduledEvent(
            PAYOUT,
            new ClaimId("c-1"),
            new MemberId("m-1"),
            new EnrollmentId("e-1"),
            new PlanId("shaoxing-hospital"),
            "HOSPITALIZATION",
            new BigDecimal("2080.00"),
            DECIDED);

    static TransferRequestedEvent requested(int attempt, PayeeAccount account, String amount, String offset) {
        return new TransferRequestedEvent(
                PAYOUT,
                new ClaimId("c-1"),
                new MemberId("m-1"),
                PayoutIds.reference(PAYOUT, attempt),
                attempt,
                BATCH,
                "越城区",
                DAY,
                new BigDecimal(amount),
                new BigDecimal(offset),
                account.number(),
                account.masked(),
                account.hash(),
                account.holderName(),
                account.bankName(),
                NOW);
    }

    static RecordTransferOutcomeCommand outcome(int attempt, String outcome, String reason) {
        return new RecordTransferOutcomeCommand(
                PAYOUT,
                PayoutIds.reference(PAYOUT, attempt),
                outcome,
                reason,
                "BANK-TX-1",
                NOW,
                3,
                Duration.ofMinutes(5));
    }

    static TransferFailedEvent failed(int attempt, Instant retryAt) {
        return new TransferFailedEvent(
                PAYOUT,
                new ClaimId("c-1"),
                new MemberId("m-1"),
                PayoutIds.reference(PAYOUT, attempt),
                BATCH,
                "越城区",
                attempt,
                "BANK_ERROR",
                retryAt,
                new BigDecimal("2080.00"),
                CARD.masked());
    }

    @Test
    void aDecisionDeliveredAgainSchedulesNothingMore() {
        fixture.givenNoPriorActivity()
                .when(schedule("2080.00"))
                .expectEvents(SCHEDULED)
                .expectResultMessagePayload(true);
        fixture.given(SCHEDULED).when(schedule("2080.00")).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void anAmountThatIsNotPositiveFenIsRefused() {
        fixture.givenNoPriorActivity()
                .when(schedule("0.00"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(schedule("10.001"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aTransferIsRecordedBeforeItLeavesInTheBatchOfItsDistrictAndDay() {
        fixture.given(SCHEDULED)
                .when(new RequestTransferCommand(PAYOUT, CARD, DAY, BigDecimal.ZERO, NOW))
                .expectEvents(requested(1, CARD, "2080.00", "0"))
                .expectResultMessagePayload(
                        new TransferOrder(PAYOUT, PayoutIds.reference(PAYOUT, 1), 1, BATCH, new BigDecimal("2080.00")));
    }

    @Test
    void whatTheMemberOwesIsKeptBackAndAWholeOffsetSettlesThePayout() {
        fixture.given(SCHEDULED)
                .when(new RequestTransferCommand(PAYOUT, CARD, DAY, new BigDecimal("80.00"), NOW))
                .expectEvents(requested(1, CARD, "2000.00", "80.00"));
        fixture.given(SCHEDULED)
                .when(new RequestTransferCommand(PAYOUT, CARD, DAY, new BigDecimal("5000.00"), NOW))
                .expectEvents(new PayoutSettledByOffsetEvent(
                        PAYOUT, new ClaimId("c-1"), new MemberId("m-1"), new BigDecimal("2080.00")));
    }

    @Test
    void aPayoutWithATransferAtTheBankIsNotSentAgain() {
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"))
                .when(new RequestTransferCommand(PAYOUT, CARD, DAY, BigDecimal.ZERO, NOW))
                .expectException(PayoutNotDispatchableException.class)
                .expectNoEvents();
    }

    @Test
    void aConfirmationIsRecordedOnceOnTheDayInShanghai() {
        TransferSucceededEvent succeeded = new TransferSucceededEvent(
                PAYOUT,
                new ClaimId("c-1"),
                new MemberId("m-1"),
                PayoutIds.reference(PAYOUT, 1),
                BATCH,
                "越城区",
                new BigDecimal("2080.00"),
                new BigDecimal("2080.00"),
                "BANK-TX-1",
                CARD.masked(),
                DAY);
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"))
                .when(outcome(1, "SUCCEEDED", null))
                .expectEvents(succeeded)
                .expectResultMessagePayload(true);
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"), succeeded)
                .when(outcome(1, "SUCCEEDED", null))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anOutcomeOfAnotherReferenceChangesNothing() {
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"))
                .when(outcome(2, "SUCCEEDED", null))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aFailureWaitsTwiceAsLongEachTimeUntilNoAttemptIsLeft() {
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"))
                .when(outcome(1, "FAILED", null))
                .expectEvents(failed(1, NOW.plus(Duration.ofMinutes(5))));
        fixture.given(
                        SCHEDULED,
                        requested(1, CARD, "2080.00", "0"),
                        failed(1, NOW.minusSeconds(600)),
                        requested(2, CARD, "2080.00", "0"))
                .when(outcome(2, "FAILED", null))
                .expectEvents(failed(2, NOW.plus(Duration.ofMinutes(10))));
        fixture.given(
                        SCHEDULED,
                        requested(1, CARD, "2080.00", "0"),
                        failed(1, NOW.minusSeconds(600)),
                        requested(2, CARD, "2080.00", "0"),
                        failed(2, NOW.minusSeconds(300)),
                        requested(3, CARD, "2080.00", "0"))
                .when(outcome(3, "FAILED", null))
                .expectEvents(failed(3, null));
    }

    @Test
    void aRetryIsNotSentBeforeItsTime() {
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"), failed(1, NOW.plusSeconds(60)))
                .when(new RequestTransferCommand(PAYOUT, CARD, DAY, BigDecimal.ZERO, NOW))
                .expectException(PayoutNotDispatchableException.class);
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"), failed(1, NOW))
                .when(new RequestTransferCommand(PAYOUT, CARD, DAY, BigDecimal.ZERO, NOW))
                .expectEvents(requested(2, CARD, "2080.00", "0"));
    }

    @Test
    void aRefusedAccountParksThePayoutUntilAnotherIsGiven() {
        PayoutParkedEvent parked = new PayoutParkedEvent(
                PAYOUT,
                new ClaimId("c-1"),
                new MemberId("m-1"),
                PayoutIds.reference(PAYOUT, 1),
                BATCH,
                "越城区",
                1,
                "ACCOUNT_CLOSED",
                "hash-1",
                new BigDecimal("2080.00"),
                CARD.masked());
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"))
                .when(outcome(1, "REJECTED", "ACCOUNT_CLOSED"))
                .expectEvents(parked);
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"), parked)
                .when(new RequestTransferCommand(PAYOUT, CARD, DAY, BigDecimal.ZERO, NOW))
                .expectException(PayoutNotDispatchableException.class);
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"), parked)
                .when(new RequestTransferCommand(PAYOUT, NEW_CARD, DAY, BigDecimal.ZERO, NOW))
                .expectEvents(requested(2, NEW_CARD, "2080.00", "0"));
    }

    @Test
    void aRevocationCancelsBeforeTheTransferAndRecoversAfterIt() {
        fixture.given(SCHEDULED)
                .when(new RevokePayoutCommand(PAYOUT, "FRAUD", DAY))
                .expectEvents(new PayoutCancelledEvent(
                        PAYOUT, new ClaimId("c-1"), new MemberId("m-1"), "FRAUD", 0, BigDecimal.ZERO, DAY));
        TransferSucceededEvent succeeded = new TransferSucceededEvent(
                PAYOUT,
                new ClaimId("c-1"),
                new MemberId("m-1"),
                PayoutIds.reference(PAYOUT, 1),
                BATCH,
                "越城区",
                new BigDecimal("2080.00"),
                new BigDecimal("2080.00"),
                "BANK-TX-1",
                CARD.masked(),
                DAY);
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"), succeeded)
                .when(new RevokePayoutCommand(PAYOUT, "FRAUD", DAY))
                .expectEvents(new PayoutRevokedEvent(
                        PAYOUT, new ClaimId("c-1"), new MemberId("m-1"), "FRAUD", new BigDecimal("2080.00"), DAY));
        fixture.given(
                        SCHEDULED,
                        requested(1, CARD, "2080.00", "0"),
                        succeeded,
                        new PayoutRevokedEvent(
                                PAYOUT,
                                new ClaimId("c-1"),
                                new MemberId("m-1"),
                                "FRAUD",
                                new BigDecimal("2080.00"),
                                DAY))
                .when(new RevokePayoutCommand(PAYOUT, "FRAUD", DAY))
                .expectNoEvents();
    }

    @Test
    void aRevocationWhileTheBankHasTheTransferWaitsForItsOutcome() {
        PayoutRevocationPendingEvent pending =
                new PayoutRevocationPendingEvent(PAYOUT, new ClaimId("c-1"), new MemberId("m-1"), "FRAUD");
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"))
                .when(new RevokePayoutCommand(PAYOUT, "FRAUD", DAY))
                .expectEvents(pending);
        fixture.given(SCHEDULED, requested(1, CARD, "2080.00", "0"), pending)
                .when(outcome(1, "SUCCEEDED", null))
                .expectEvents(
                        new TransferSucceededEvent(
                                PAYOUT,
                                new ClaimId("c-1"),
                                new MemberId("m-1"),
                                PayoutIds.reference(PAYOUT, 1),
                                BATCH,
                                "越城区",
                                new BigDecimal("2080.00"),
                                new BigDecimal("2080.00"),
                                "BANK-TX-1",
                                CARD.masked(),
                                DAY),
                        new PayoutRevokedEvent(
                                PAYOUT,
                                new ClaimId("c-1"),
                                new MemberId("m-1"),
                                "FRAUD",
                                new BigDecimal("2080.00"),
                                DAY));
        // a failed transfer of a revoked payout is not tried again: it is cancelled, the offset owed again
        fixture.given(SCHEDULED, requested(1, CARD, "2000.00", "80.00"), pending)
                .when(outcome(1, "FAILED", null))
                .expectEvents(
                        new TransferFailedEvent(
                                PAYOUT,
                                new ClaimId("c-1"),
                                new MemberId("m-1"),
                                PayoutIds.reference(PAYOUT, 1),
                                BATCH,
                                "越城区",
                                1,
                                "BANK_ERROR",
                                null,
                                new BigDecimal("2000.00"),
                                CARD.masked()),
                        new PayoutCancelledEvent(
                                PAYOUT,
                                new ClaimId("c-1"),
                                new MemberId("m-1"),
                                "FRAUD",
                                1,
                                new BigDecimal("80.00"),
                                DAY));
    }

    @Test
    void aRevocationHeardBeforeItsApprovalIsHeldAndTheApprovalPaysNothing() {
        PayoutRevocationHeldEvent held = new PayoutRevocationHeldEvent(PAYOUT, "FRAUD", DAY);
        fixture.givenNoPriorActivity()
                .when(new RevokePayoutCommand(PAYOUT, "FRAUD", DAY))
                .expectEvents(held);
        fixture.given(held).when(new RevokePayoutCommand(PAYOUT, "FRAUD", DAY)).expectNoEvents();
        fixture.given(held)
                .when(schedule("2080.00"))
                .expectEvents(
                        SCHEDULED,
                        new PayoutCancelledEvent(
                                PAYOUT, new ClaimId("c-1"), new MemberId("m-1"), "FRAUD", 0, BigDecimal.ZERO, DAY));
    }
}
