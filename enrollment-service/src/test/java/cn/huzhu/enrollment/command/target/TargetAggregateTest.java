package cn.huzhu.enrollment.command.target;

import static org.axonframework.test.matchers.Matchers.predicate;

import cn.huzhu.enrollment.command.Districts;
import cn.huzhu.enrollment.command.RefusedException;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.enrollment.command.UnknownUnitException;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import cn.huzhu.enrollment.command.unit.UnitIncentivePolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A target (任务数) of a unit or district for a plan year: set, replaced, never recorded twice, refused for what does not exist. */
class TargetAggregateTest {

    static final String PLAN = "ningbo-2020-hospital";
    static final String UNIT = "u-1";

    FixtureConfiguration<TargetAggregate> fixture;

    /** The registers the target is checked against: one unit in 海曙区, one plan, the districts of the registry. */
    static final UnitDirectory UNITS = new UnitDirectory() {
        @Override
        public Optional<UnitFacts> find(String unitId) {
            return UNIT.equals(unitId)
                    ? Optional.of(new UnitFacts(UNIT, "海曙区", UnitNature.NON_PUBLIC, 120))
                    : Optional.empty();
        }

        @Override
        public Optional<UnitIncentivePolicy.PayoutRecord> payoutRecord(String unitId, int year, String planId) {
            return Optional.empty();
        }

        @Override
        public boolean paysDuesInFull(String unitId) {
            return false;
        }

        @Override
        public int enrolledMembers(String unitId, String planId, LocalDate from, LocalDate to) {
            return 0;
        }
    };

    static final PlanCatalog PLANS = new PlanCatalog() {
        @Override
        public Optional<PlanVersion> versionOn(String planId, LocalDate date) {
            return Optional.empty();
        }

        @Override
        public boolean exists(String planId) {
            return PLAN.equals(planId);
        }

        @Override
        public List<PlanVersion> allVersions() {
            return List.of();
        }
    };

    static final Districts DISTRICTS = Set.of("海曙区", "江北区")::contains;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TargetAggregate.class);
        fixture.registerInjectableResource(UNITS);
        fixture.registerInjectableResource(PLANS);
        fixture.registerInjectableResource(DISTRICTS);
    }

    static SetTargetCommand district(String district, String planId, int target) {
        return new SetTargetCommand(null, TargetScope.DISTRICT, null, district, 2020, planId, target);
    }

    static TargetSetEvent districtSet(int target) {
        return new TargetSetEvent(
                SetTargetCommand.idOf(TargetScope.DISTRICT, null, "江北区", 2020, PLAN),
                TargetScope.DISTRICT,
                null,
                "江北区",
                2020,
                PLAN,
                target);
    }

    static org.hamcrest.Matcher<Object> refusedWith(String code) {
        return predicate(
                e -> e instanceof RefusedException refused && refused.code().equals(code));
    }

    @Test
    void aDistrictTargetIsSetWithTheDistrictAsTheRegistryWritesIt() {
        fixture.givenNoPriorActivity()
                .when(district(" 江北区 ", PLAN, 3000))
                .expectEvents(districtSet(3000))
                .expectResultMessagePayload(districtSet(3000));
    }

    @Test
    void aUnitTargetTakesItsDistrictFromTheUnitAndCountsEveryPlanWithoutOne() {
        String id = SetTargetCommand.idOf(TargetScope.UNIT, UNIT, null, 2020, null);
        fixture.givenNoPriorActivity()
                .when(new SetTargetCommand(null, TargetScope.UNIT, UNIT, null, 2020, " ", 80))
                .expectEvents(new TargetSetEvent(id, TargetScope.UNIT, UNIT, "海曙区", 2020, null, 80));
    }

    @Test
    void settingTheSameNumberAgainRecordsNothingButAnswersTheTarget() {
        fixture.given(districtSet(3000))
                .when(district("江北区", PLAN, 3000))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(districtSet(3000));
    }

    @Test
    void anotherNumberReplacesTheTarget() {
        fixture.given(districtSet(3000)).when(district("江北区", PLAN, 3500)).expectEvents(districtSet(3500));
    }

    @Test
    void aDistrictOutsideTheRegistryIsRefused() {
        fixture.givenNoPriorActivity()
                .when(district("北区", PLAN, 10))
                .expectException(refusedWith("UNKNOWN_DISTRICT"))
                .expectNoEvents();
    }

    @Test
    void aPlanThatDoesNotExistIsRefused() {
        fixture.givenNoPriorActivity()
                .when(district("江北区", "no-such-plan", 10))
                .expectException(refusedWith("UNKNOWN_PLAN"))
                .expectNoEvents();
    }

    @Test
    void aUnitThatDoesNotExistIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetTargetCommand(null, TargetScope.UNIT, "u-404", null, 2020, PLAN, 10))
                .expectException(UnknownUnitException.class)
                .expectNoEvents();
    }
}
