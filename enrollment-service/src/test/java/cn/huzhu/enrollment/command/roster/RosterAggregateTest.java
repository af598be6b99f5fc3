package cn.huzhu.enrollment.command.roster;

import static org.axonframework.test.matchers.Matchers.predicate;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.RefusedException;
import cn.huzhu.enrollment.command.RosterId;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A roster's payment (凭缴款单或转帐凭证): finance records the unit's transfer of exactly what the roster's enrolments are
 * due, once; the same transfer again is a retry, any other is refused.
 */
class RosterAggregateTest {

    static final String ROSTER = "r-1";
    static final LocalDate SUBMITTED = LocalDate.of(2020, 1, 6);
    static final LocalDate TODAY = LocalDate.of(2020, 1, 20);
    static final Actor FINANCE = Actor.of("finance", Actor.Capacity.FINANCE);
    static final Actor CLERK = Actor.of("clerk", Actor.Capacity.UNIT_CLERK);

    FixtureConfiguration<RosterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RosterAggregate.class);
        // as RosterHandler does: the payment is the roster's own decision
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            RosterPaidEvent handle(RecordRosterPaymentCommand command) throws Exception {
                return fixture.getRepository().load(command.rosterId().value()).invoke(roster -> roster.pay(command));
            }
        });
    }

    static RosterRowResult enrolled(int rowNo, String premium, String due) {
        return new RosterRowResult(
                rowNo,
                RosterRowStatus.ENROLLED,
                "m-" + rowNo,
                "e-" + rowNo,
                new BigDecimal(premium),
                new BigDecimal(due),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static RosterRowResult rejected(int rowNo) {
        return new RosterRowResult(
                rowNo,
                RosterRowStatus.REJECTED,
                null,
                null,
                null,
                null,
                "INVALID_ID_NUMBER",
                "bad check digit",
                "张三",
                "男",
                "330203199001011234",
                null,
                null);
    }

    /** Two enrolled rows whose premiums of 60 the union subsidises by 10 each, and one rejected row: 100.00 due. */
    static RosterSubmittedEvent submitted(RosterRowResult... rows) {
        BigDecimal total = List.of(rows).stream()
                .filter(r -> r.status() == RosterRowStatus.ENROLLED)
                .map(RosterRowResult::premium)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new RosterSubmittedEvent(
                new RosterId(ROSTER),
                new UnitId("u-1"),
                "海曙区",
                new PlanId("ningbo-2020-hospital"),
                1,
                "csv",
                SUBMITTED,
                RosterStatus.PARTIALLY_ACCEPTED,
                null,
                null,
                null,
                total,
                List.of(rows));
    }

    static final RosterSubmittedEvent TWO_ENROLLED =
            submitted(enrolled(1, "60.00", "50.00"), enrolled(2, "60.00", "50.00"), rejected(3));

    static RecordRosterPaymentCommand pay(String amount, String reference, LocalDate paidOn, Actor by) {
        return new RecordRosterPaymentCommand(
                new RosterId(ROSTER), new BigDecimal(amount), reference, paidOn, TODAY, by);
    }

    static RosterPaidEvent paid(String amount, String reference, LocalDate paidOn) {
        return new RosterPaidEvent(
                new RosterId(ROSTER), new UnitId("u-1"), new BigDecimal(amount), reference, paidOn, FINANCE);
    }

    static org.hamcrest.Matcher<Object> refusedWith(String code) {
        return predicate(
                e -> e instanceof RefusedException refused && refused.code().equals(code));
    }

    @Test
    void financeRecordsTheTransferOfWhatIsDue() {
        fixture.given(TWO_ENROLLED)
                .when(pay("100.00", "BANK-7", SUBMITTED.plusDays(3), FINANCE))
                .expectEvents(paid("100.00", "BANK-7", SUBMITTED.plusDays(3)));
    }

    @Test
    void theSameTransferAgainIsARetryAndRecordsNothing() {
        fixture.given(TWO_ENROLLED, paid("100.00", "BANK-7", SUBMITTED.plusDays(3)))
                .when(pay("100", "BANK-7", SUBMITTED.plusDays(3), FINANCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecondTransferIsRefused() {
        fixture.given(TWO_ENROLLED, paid("100.00", "BANK-7", SUBMITTED.plusDays(3)))
                .when(pay("100.00", "BANK-8", SUBMITTED.plusDays(4), FINANCE))
                .expectException(refusedWith("ALREADY_PAID"))
                .expectNoEvents();
    }

    @Test
    void anAmountOtherThanWhatIsDueIsRefused() {
        fixture.given(TWO_ENROLLED)
                .when(pay("120.00", "BANK-7", SUBMITTED.plusDays(3), FINANCE))
                .expectException(refusedWith("PAYMENT_AMOUNT_MISMATCH"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("due 100.00 yuan"))
                .expectNoEvents();
    }

    @Test
    void aRosterThatEnrolledNobodyHasNothingToPay() {
        fixture.given(submitted(rejected(1)))
                .when(pay("50.00", "BANK-7", SUBMITTED, FINANCE))
                .expectException(refusedWith("NOTHING_TO_PAY"))
                .expectNoEvents();
    }

    @Test
    void onlyFinanceRecordsAPayment() {
        fixture.given(TWO_ENROLLED)
                .when(pay("100.00", "BANK-7", SUBMITTED.plusDays(3), CLERK))
                .expectException(refusedWith("FINANCE_ONLY"))
                .expectNoEvents();
    }

    @Test
    void aPaymentBeforeTheSubmissionOrAfterTodayIsRefused() {
        fixture.given(TWO_ENROLLED)
                .when(pay("100.00", "BANK-7", SUBMITTED.minusDays(1), FINANCE))
                .expectException(refusedWith("PAID_OUTSIDE_ROSTER"))
                .expectNoEvents();
        fixture.given(TWO_ENROLLED)
                .when(pay("100.00", "BANK-7", TODAY.plusDays(1), FINANCE))
                .expectException(refusedWith("PAID_OUTSIDE_ROSTER"))
                .expectNoEvents();
    }
}
