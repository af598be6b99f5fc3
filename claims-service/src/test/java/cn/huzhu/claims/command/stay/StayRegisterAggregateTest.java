package cn.huzhu.claims.command.stay;

import cn.huzhu.claims.engine.Bill;
import cn.huzhu.claims.engine.Claim;
import cn.huzhu.claims.engine.ClaimType;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A member's claimed stays: a second claim for part of the same stay is refused naming the first; a rejected claim gives its stay back. */
class StayRegisterAggregateTest {

    static final RegisterId REGISTER = StayRegisterAggregate.idOf(new MemberId("m-1"));
    static final Bill BILL = Bill.settled("20000", "10000", "0", "2287.99", "0");

    record ClaimStay(@TargetAggregateIdentifier RegisterId registerId, ClaimId claimId, Claim claim) {}

    record Release(@TargetAggregateIdentifier RegisterId registerId, ClaimId claimId) {}

    FixtureConfiguration<StayRegisterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StayRegisterAggregate.class);
        fixture.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(ClaimStay command) throws Exception {
                fixture.getRepository()
                        .load(command.registerId().value())
                        .execute(r -> r.claim(command.claimId(), command.claim()));
            }

            @CommandHandler
            void handle(Release command) throws Exception {
                fixture.getRepository().load(command.registerId().value()).execute(r -> r.release(command.claimId()));
            }
        });
    }

    static final StayRegisterOpenedEvent OPENED = new StayRegisterOpenedEvent(REGISTER, new MemberId("m-1"));

    /** In hospital from 1 to 10 March 2015. */
    static Claim march(int admitted, int discharged) {
        LocalDate in = LocalDate.of(2015, 3, admitted);
        return new Claim(
                ClaimType.HOSPITALIZATION,
                in,
                LocalDate.of(2015, 3, discharged),
                discharged - admitted,
                null,
                null,
                null,
                null,
                Set.of(),
                BILL);
    }

    static StayClaimedEvent claimed(ClaimId claimId, int admitted, int discharged) {
        return new StayClaimedEvent(
                REGISTER,
                claimId,
                "HOSPITALIZATION",
                LocalDate.of(2015, 3, admitted),
                LocalDate.of(2015, 3, discharged),
                null);
    }

    @Test
    void aStayIsRecordedFromAdmissionToDischarge() {
        fixture.given(OPENED)
                .when(new ClaimStay(REGISTER, new ClaimId("c-1"), march(1, 10)))
                .expectEvents(claimed(new ClaimId("c-1"), 1, 10));
    }

    @Test
    void anotherClaimForPartOfTheStayIsRefusedNamingTheFirst() {
        fixture.given(OPENED, claimed(new ClaimId("c-1"), 1, 10))
                .when(new ClaimStay(REGISTER, new ClaimId("c-2"), march(10, 12)))
                .expectException(DuplicateStayException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("c-1"))
                .expectNoEvents();
    }

    @Test
    void theNextStayIsItsOwn() {
        fixture.given(OPENED, claimed(new ClaimId("c-1"), 1, 10))
                .when(new ClaimStay(REGISTER, new ClaimId("c-2"), march(11, 15)))
                .expectEvents(claimed(new ClaimId("c-2"), 11, 15));
    }

    @Test
    void theSameClaimAgainRecordsNothing() {
        fixture.given(OPENED, claimed(new ClaimId("c-1"), 1, 10))
                .when(new ClaimStay(REGISTER, new ClaimId("c-1"), march(1, 10)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReleasedStayMayBeClaimedAgainByACorrectedClaim() {
        fixture.given(OPENED, claimed(new ClaimId("c-1"), 1, 10))
                .when(new Release(REGISTER, new ClaimId("c-1")))
                .expectEvents(new StayReleasedEvent(REGISTER, new ClaimId("c-1")));
        fixture.given(OPENED, claimed(new ClaimId("c-1"), 1, 10), new StayReleasedEvent(REGISTER, new ClaimId("c-1")))
                .when(new ClaimStay(REGISTER, new ClaimId("c-2"), march(1, 10)))
                .expectEvents(claimed(new ClaimId("c-2"), 1, 10));
    }

    @Test
    void releasingAStayNotHeldRecordsNothing() {
        fixture.given(OPENED)
                .when(new Release(REGISTER, new ClaimId("c-9")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void seriousIllnessesOnTheSameDayClashOnlyForTheSameDisease() {
        LocalDate diagnosed = LocalDate.of(2015, 4, 1);
        StayClaimedEvent cancer =
                new StayClaimedEvent(REGISTER, new ClaimId("c-1"), "CRITICAL_ILLNESS", diagnosed, diagnosed, "C34");
        Claim stroke =
                new Claim(ClaimType.CRITICAL_ILLNESS, diagnosed, null, null, null, "I63", null, null, Set.of(), null);
        Claim sameCancer =
                new Claim(ClaimType.CRITICAL_ILLNESS, diagnosed, null, null, null, "C34", null, null, Set.of(), null);
        fixture.given(OPENED, cancer)
                .when(new ClaimStay(REGISTER, new ClaimId("c-2"), stroke))
                .expectEvents(new StayClaimedEvent(
                        REGISTER, new ClaimId("c-2"), "CRITICAL_ILLNESS", diagnosed, diagnosed, "I63"));
        fixture.given(OPENED, cancer)
                .when(new ClaimStay(REGISTER, new ClaimId("c-2"), sameCancer))
                .expectException(DuplicateStayException.class);
    }
}
