package cn.huzhu.payout.command.recovery;

import static org.axonframework.test.matchers.Matchers.predicate;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.RecoveryId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a member owes back for revoked claims: opened once per payout, kept back from later payouts and repaid, each once. */
class RecoveryAggregateTest {

    static final RecoveryId RECOVERY = RecoveryAggregate.idOf(new MemberId("m-1"));
    static final LocalDate ON = LocalDate.of(2015, 5, 1);

    FixtureConfiguration<RecoveryAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecoveryAggregate.class);
    }

    static final RecoveryOpenedEvent OPENED = new RecoveryOpenedEvent(
            new MemberId("m-1"),
            new PayoutId("p-1"),
            new ClaimId("c-1"),
            new BigDecimal("2080.00"),
            new BigDecimal("2080.00"),
            ON);

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aRevokedPayoutIsOwedOnceHoweverOftenItsRevocationComes() {
        fixture.givenNoPriorActivity()
                .when(new OpenRecoveryCommand(
                        RECOVERY, new MemberId("m-1"), new PayoutId("p-1"), new ClaimId("c-1"), yuan("2080.00"), ON))
                .expectEvents(OPENED);
        fixture.given(OPENED)
                .when(new OpenRecoveryCommand(
                        RECOVERY, new MemberId("m-1"), new PayoutId("p-1"), new ClaimId("c-1"), yuan("2080.00"), ON))
                .expectNoEvents();
        fixture.given(OPENED)
                .when(new OpenRecoveryCommand(
                        RECOVERY, new MemberId("m-1"), new PayoutId("p-2"), new ClaimId("c-2"), yuan("100.00"), ON))
                .expectEvents(new RecoveryOpenedEvent(
                        new MemberId("m-1"),
                        new PayoutId("p-2"),
                        new ClaimId("c-2"),
                        yuan("100.00"),
                        yuan("2180.00"),
                        ON));
    }

    @Test
    void aLaterPayoutKeepsBackWhatIsOwedAndNoMoreThanItPays() {
        fixture.given(OPENED)
                .when(new OffsetRecoveryCommand(RECOVERY, new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), ON))
                .expectEvents(new RecoveryOffsetEvent(
                        new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), yuan("1580.00"), ON))
                .expectResultMessagePayload(yuan("500.00"));
        fixture.given(OPENED)
                .when(new OffsetRecoveryCommand(
                        RECOVERY, new MemberId("m-1"), new PayoutId("p-9"), yuan("3000.00"), ON))
                .expectEvents(new RecoveryOffsetEvent(
                        new MemberId("m-1"), new PayoutId("p-9"), yuan("2080.00"), yuan("0.00"), ON))
                .expectResultMessagePayload(yuan("2080.00"));
    }

    @Test
    void aPayoutAskingAgainGetsTheSameOffsetAndNothingNewIsKept() {
        RecoveryOffsetEvent kept =
                new RecoveryOffsetEvent(new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), yuan("1580.00"), ON);
        fixture.given(OPENED, kept)
                .when(new OffsetRecoveryCommand(RECOVERY, new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), ON))
                .expectNoEvents()
                .expectResultMessagePayload(yuan("500.00"));
    }

    @Test
    void nothingOwedKeepsNothingBack() {
        // the member owes nothing and has no recovery: nothing is recorded, so no recovery exists afterwards either
        fixture.setReportIllegalStateChange(false);
        fixture.givenNoPriorActivity()
                .when(new OffsetRecoveryCommand(RECOVERY, new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), ON))
                .expectNoEvents()
                .expectResultMessagePayload(BigDecimal.ZERO);
    }

    @Test
    void anOffsetOfACancelledPayoutIsOwedAgainOnce() {
        RecoveryOffsetEvent kept =
                new RecoveryOffsetEvent(new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), yuan("1580.00"), ON);
        RecoveryOffsetReturnedEvent returned = new RecoveryOffsetReturnedEvent(
                new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), yuan("2080.00"), ON);
        fixture.given(OPENED, kept)
                .when(new ReturnOffsetCommand(RECOVERY, new MemberId("m-1"), new PayoutId("p-9"), ON))
                .expectEvents(returned);
        fixture.given(OPENED, kept, returned)
                .when(new ReturnOffsetCommand(RECOVERY, new MemberId("m-1"), new PayoutId("p-9"), ON))
                .expectNoEvents();
        fixture.given(OPENED, kept, returned)
                .when(new OffsetRecoveryCommand(RECOVERY, new MemberId("m-1"), new PayoutId("p-9"), yuan("500.00"), ON))
                .expectNoEvents()
                .expectResultMessagePayload(BigDecimal.ZERO);
    }

    @Test
    void aRepaymentIsRecordedOncePerReferenceAndNeverMoreThanIsOwed() {
        RepaymentRecordedEvent repaid =
                new RepaymentRecordedEvent(new MemberId("m-1"), "R-1", yuan("80.00"), yuan("2000.00"), ON);
        fixture.given(OPENED)
                .when(new RecordRepaymentCommand(RECOVERY, new MemberId("m-1"), "R-1", yuan("80.00"), ON))
                .expectEvents(repaid)
                .expectResultMessagePayload(yuan("2000.00"));
        fixture.given(OPENED, repaid)
                .when(new RecordRepaymentCommand(RECOVERY, new MemberId("m-1"), "R-1", yuan("80"), ON))
                .expectNoEvents()
                .expectResultMessagePayload(yuan("2000.00"));
        fixture.given(OPENED, repaid)
                .when(new RecordRepaymentCommand(RECOVERY, new MemberId("m-1"), "R-1", yuan("90.00"), ON))
                .expectException(predicate(e ->
                        e instanceof RepaymentRefusedException r && r.code().equals("REFERENCE_REUSED")))
                .expectNoEvents();
        fixture.given(OPENED, repaid)
                .when(new RecordRepaymentCommand(RECOVERY, new MemberId("m-1"), "R-2", yuan("2000.01"), ON))
                .expectException(predicate(e ->
                        e instanceof RepaymentRefusedException r && r.code().equals("REPAYMENT_EXCEEDS_DEBT")))
                .expectNoEvents();
    }
}
