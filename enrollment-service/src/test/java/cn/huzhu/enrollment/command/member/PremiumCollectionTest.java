package cn.huzhu.enrollment.command.member;

import static org.hamcrest.Matchers.containsString;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.config.PlanCatalogueLoader;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Payer;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An enrolment is pending until its premium is collected; coverage starts on collection unless the plan fixes the period. */
class PremiumCollectionTest {

    static final PlanCatalogueLoader CATALOG = PlanCatalogueLoader.load();
    static final String MEMBER = MemberAggregateTest.MEMBER;
    static final LocalDate ENROLLED_ON = LocalDate.of(2026, 3, 1);

    FixtureConfiguration<MemberAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAggregate.class);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(new MemberAggregateTest.Places());
    }

    /** Shaoxing: 60 a year, cover runs from enrolment for a year, no waiting period. */
    static MemberEnrolledEvent pendingShaoxing() {
        return new MemberEnrolledEvent(
                new EnrollmentId("e-1"),
                new MemberId(MEMBER),
                new UnitId("u-1"),
                "海曙",
                MemberCategory.IN_SERVICE,
                new PlanId("shaoxing-hospital"),
                1,
                1,
                1,
                new BigDecimal("60.00"),
                List.of(new FundingShare(Payer.MEMBER, new BigDecimal("60.00"))),
                ENROLLED_ON,
                LocalDate.of(2027, 2, 28),
                ENROLLED_ON,
                false,
                false,
                null,
                false,
                ENROLLED_ON,
                List.of(),
                PremiumStatus.PENDING,
                null,
                null);
    }

    /** Wujin 2022: the calendar year whatever the enrolment day. */
    static MemberEnrolledEvent pendingWujin() {
        return new MemberEnrolledEvent(
                new EnrollmentId("e-2"),
                new MemberId(MEMBER),
                new UnitId("u-1"),
                "武进",
                MemberCategory.IN_SERVICE,
                new PlanId("wujin-2022"),
                1,
                1,
                1,
                new BigDecimal("50.00"),
                List.of(new FundingShare(Payer.UNIT, new BigDecimal("50.00"))),
                LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 1, 1),
                false,
                false,
                null,
                false,
                LocalDate.of(2021, 12, 1),
                List.of(),
                PremiumStatus.PENDING,
                null,
                null);
    }

    static final Actor FINANCE = Actor.of("finance-1", Actor.Capacity.FINANCE);

    /** Finance records a payment made on {@code on}, that same day. */
    static RecordPremiumCollectionCommand collected(String enrollmentId, String reference, LocalDate on) {
        return new RecordPremiumCollectionCommand(
                new MemberId(MEMBER),
                new EnrollmentId(enrollmentId),
                true,
                CollectionMethod.BANK_DEDUCTION,
                reference,
                null,
                on,
                on,
                FINANCE);
    }

    static RecordPremiumCollectionCommand failed(String reference, LocalDate on) {
        return new RecordPremiumCollectionCommand(
                new MemberId(MEMBER),
                new EnrollmentId("e-1"),
                false,
                CollectionMethod.BANK_DEDUCTION,
                reference,
                "INSUFFICIENT_FUNDS",
                on,
                on,
                FINANCE);
    }

    @Test
    void anEnrolmentTheMemberPaysForIsPendingAndAGiftOrMigrationIsNot() {
        fixture.given(MemberAggregateTest.inService())
                .when(MemberAggregateTest.enrol("e-1", "shaoxing-hospital", 1, null, null))
                .expectEventsMatching(MemberAggregateTest.enrolments(e -> e.status() == PremiumStatus.PENDING
                        && e.payerAmount().compareTo(new BigDecimal("60.00")) == 0));
        fixture.given(MemberAggregateTest.inService())
                .when(MemberAggregateTest.enrol("e-1", "ningbo-2020-special-disease", 1, 1, LocalDate.of(2020, 3, 1)))
                .expectEventsMatching(
                        MemberAggregateTest.enrolments(e -> e.migrated() && e.status() == PremiumStatus.COLLECTED));
    }

    @Test
    void coverageRunsFromTheDayThePremiumIsCollected() {
        fixture.given(MemberAggregateTest.inService(), pendingShaoxing())
                .when(collected("e-1", "BANK-001", LocalDate.of(2026, 3, 20)))
                .expectEvents(new PremiumCollectedEvent(
                        new EnrollmentId("e-1"),
                        new MemberId(MEMBER),
                        new UnitId("u-1"),
                        "海曙",
                        new PlanId("shaoxing-hospital"),
                        CollectionMethod.BANK_DEDUCTION,
                        "BANK-001",
                        new BigDecimal("60.00"),
                        LocalDate.of(2026, 3, 20),
                        LocalDate.of(2026, 3, 20),
                        LocalDate.of(2027, 3, 19),
                        LocalDate.of(2026, 3, 20),
                        FINANCE))
                .expectResultMessagePayload(PremiumStatus.COLLECTED);
    }

    @Test
    void aPlanWithAFixedPeriodKeepsItsPeriod() {
        fixture.given(MemberAggregateTest.inService(), pendingWujin())
                .when(collected("e-2", "VOUCHER-7", LocalDate.of(2021, 12, 10)))
                .expectEvents(new PremiumCollectedEvent(
                        new EnrollmentId("e-2"),
                        new MemberId(MEMBER),
                        new UnitId("u-1"),
                        "海曙",
                        new PlanId("wujin-2022"),
                        CollectionMethod.BANK_DEDUCTION,
                        "VOUCHER-7",
                        new BigDecimal("50.00"),
                        LocalDate.of(2021, 12, 10),
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2022, 12, 31),
                        LocalDate.of(2022, 1, 1),
                        FINANCE));
    }

    @Test
    void aFailedDeductionIsRecordedOnceAndTheEnrolmentStaysPending() {
        fixture.given(MemberAggregateTest.inService(), pendingShaoxing())
                .when(failed("BANK-002", LocalDate.of(2026, 3, 5)))
                .expectEvents(new PremiumCollectionFailedEvent(
                        new EnrollmentId("e-1"),
                        new MemberId(MEMBER),
                        "海曙",
                        new PlanId("shaoxing-hospital"),
                        CollectionMethod.BANK_DEDUCTION,
                        "BANK-002",
                        "INSUFFICIENT_FUNDS",
                        LocalDate.of(2026, 3, 5),
                        FINANCE))
                .expectResultMessagePayload(PremiumStatus.PENDING);
        fixture.given(
                        MemberAggregateTest.inService(),
                        pendingShaoxing(),
                        new PremiumCollectionFailedEvent(
                                new EnrollmentId("e-1"),
                                new MemberId(MEMBER),
                                "海曙",
                                new PlanId("shaoxing-hospital"),
                                CollectionMethod.BANK_DEDUCTION,
                                "BANK-002",
                                "INSUFFICIENT_FUNDS",
                                LocalDate.of(2026, 3, 5),
                                FINANCE))
                .when(failed("BANK-002", LocalDate.of(2026, 3, 5)))
                .expectNoEvents();
    }

    @Test
    void theSameCollectionAgainChangesNothingAndAnotherIsRefused() {
        PremiumCollectedEvent done = new PremiumCollectedEvent(
                new EnrollmentId("e-1"),
                new MemberId(MEMBER),
                new UnitId("u-1"),
                "海曙",
                new PlanId("shaoxing-hospital"),
                CollectionMethod.BANK_DEDUCTION,
                "BANK-001",
                new BigDecimal("60.00"),
                ENROLLED_ON,
                ENROLLED_ON,
                LocalDate.of(2027, 2, 28),
                ENROLLED_ON,
                FINANCE);
        fixture.given(MemberAggregateTest.inService(), pendingShaoxing(), done)
                .when(collected("e-1", "BANK-001", ENROLLED_ON))
                .expectNoEvents();
        fixture.given(MemberAggregateTest.inService(), pendingShaoxing(), done)
                .when(collected("e-1", "BANK-009", ENROLLED_ON))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(containsString("already collected"))
                .expectNoEvents();
    }

    @Test
    void aFixedPeriodPaidAfterItsStartRunsFromThePayment() {
        fixture.given(MemberAggregateTest.inService(), pendingWujin())
                .when(collected("e-2", "VOUCHER-8", LocalDate.of(2022, 2, 10)))
                .expectEvents(new PremiumCollectedEvent(
                        new EnrollmentId("e-2"),
                        new MemberId(MEMBER),
                        new UnitId("u-1"),
                        "海曙",
                        new PlanId("wujin-2022"),
                        CollectionMethod.BANK_DEDUCTION,
                        "VOUCHER-8",
                        new BigDecimal("50.00"),
                        LocalDate.of(2022, 2, 10),
                        LocalDate.of(2022, 2, 10),
                        LocalDate.of(2022, 12, 31),
                        LocalDate.of(2022, 2, 10),
                        FINANCE));
    }

    @Test
    void onlyFinanceRecordsAPaymentAndNeverAheadOfItOrBeforeTheApplication() {
        fixture.given(MemberAggregateTest.inService(), pendingShaoxing())
                .when(new RecordPremiumCollectionCommand(
                        new MemberId(MEMBER),
                        new EnrollmentId("e-1"),
                        true,
                        CollectionMethod.BANK_DEDUCTION,
                        "BANK-1",
                        null,
                        ENROLLED_ON,
                        ENROLLED_ON,
                        Actor.of("clerk-1", Actor.Capacity.UNIT_CLERK)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(containsString("finance"))
                .expectNoEvents();
        fixture.given(MemberAggregateTest.inService(), pendingShaoxing())
                .when(new RecordPremiumCollectionCommand(
                        new MemberId(MEMBER),
                        new EnrollmentId("e-1"),
                        true,
                        CollectionMethod.BANK_DEDUCTION,
                        "BANK-1",
                        null,
                        ENROLLED_ON.plusDays(2),
                        ENROLLED_ON,
                        FINANCE))
                .expectException(EnrollmentRefusedException.class)
                .expectNoEvents();
        fixture.given(MemberAggregateTest.inService(), pendingShaoxing())
                .when(collected("e-1", "BANK-1", ENROLLED_ON.minusDays(1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(containsString("applied for on"))
                .expectNoEvents();
    }

    @Test
    void anUnknownEnrolmentIsRefused() {
        fixture.given(MemberAggregateTest.inService())
                .when(collected("e-404", "BANK-001", ENROLLED_ON))
                .expectException(EnrollmentRefusedException.class)
                .expectNoEvents();
    }
}
