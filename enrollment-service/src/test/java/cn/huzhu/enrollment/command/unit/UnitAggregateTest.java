package cn.huzhu.enrollment.command.unit;

import static org.axonframework.test.matchers.Matchers.predicate;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.Districts;
import cn.huzhu.enrollment.command.RefusedException;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A unit: registered in a district of the registry; its imported figures and its dues status recorded once each. */
class UnitAggregateTest {

    static final String UNIT = "u-1";
    static final LocalDate TODAY = LocalDate.of(2018, 3, 1);
    static final Actor OFFICER = Actor.of("officer", Actor.Capacity.DISTRICT_OFFICER);
    static final Actor CLERK = Actor.of("clerk", Actor.Capacity.UNIT_CLERK);

    FixtureConfiguration<UnitAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnitAggregate.class);
        fixture.registerInjectableResource((Districts) Set.of("越秀区", "天河区")::contains);
    }

    static final UnitRegisteredEvent REGISTERED =
            new UnitRegisteredEvent(new UnitId(UNIT), "广州某厂", "天河区", UnitNature.NON_PUBLIC, 60);

    static PayoutRatioRecordedEvent ratio(int enrolled, String ratio, String planId) {
        return new PayoutRatioRecordedEvent(
                new UnitId(UNIT),
                2017,
                enrolled,
                new BigDecimal(ratio),
                "union figures",
                planId == null ? null : new PlanId(planId));
    }

    static org.hamcrest.Matcher<Object> refusedWith(String code) {
        return predicate(
                e -> e instanceof RefusedException refused && refused.code().equals(code));
    }

    @Test
    void aUnitIsRegisteredWithNameAndDistrictStripped() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(new UnitId(UNIT), " 广州某厂 ", "天河区 ", UnitNature.NON_PUBLIC, 60))
                .expectEvents(REGISTERED);
    }

    @Test
    void aDistrictOutsideTheRegistryIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(new UnitId(UNIT), "广州某厂", "海淀区", UnitNature.NON_PUBLIC, 60))
                .expectException(refusedWith("UNKNOWN_DISTRICT"))
                .expectNoEvents();
    }

    @Test
    void theSameFiguresImportedAgainRecordNothing() {
        fixture.given(REGISTERED, ratio(55, "0.43", null))
                .when(new RecordPayoutRatioCommand(
                        new UnitId(UNIT), 2017, 55, new BigDecimal("0.4300"), "union figures", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void otherFiguresForTheYearCorrectTheRecord() {
        fixture.given(REGISTERED, ratio(55, "0.43", null))
                .when(new RecordPayoutRatioCommand(
                        new UnitId(UNIT), 2017, 56, new BigDecimal("0.43"), "union figures", null))
                .expectEvents(ratio(56, "0.43", null));
    }

    @Test
    void aPlansFiguresAreKeptApartFromTheWholeSchemes() {
        fixture.given(REGISTERED, ratio(55, "0.43", null))
                .when(new RecordPayoutRatioCommand(
                        new UnitId(UNIT),
                        2017,
                        55,
                        new BigDecimal("0.43"),
                        "union figures",
                        new PlanId(" huzhou-hospital ")))
                .expectEvents(ratio(55, "0.43", "huzhou-hospital"));
    }

    @Test
    void aDistrictOfficerSetsTheDuesStatusOnce() {
        fixture.given(REGISTERED)
                .when(new SetUnitDuesStatusCommand(new UnitId(UNIT), true, OFFICER, TODAY))
                .expectEvents(new UnitDuesStatusSetEvent(new UnitId(UNIT), true, OFFICER, TODAY));
        fixture.given(REGISTERED, new UnitDuesStatusSetEvent(new UnitId(UNIT), true, OFFICER, TODAY))
                .when(new SetUnitDuesStatusCommand(new UnitId(UNIT), true, OFFICER, TODAY.plusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aUnitsClerkMayNotSetItsOwnDuesStatus() {
        fixture.given(REGISTERED)
                .when(new SetUnitDuesStatusCommand(new UnitId(UNIT), true, CLERK, TODAY))
                .expectException(refusedWith("NOT_ENTITLED"))
                .expectNoEvents();
    }
}
