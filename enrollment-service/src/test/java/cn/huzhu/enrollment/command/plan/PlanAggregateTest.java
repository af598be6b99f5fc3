package cn.huzhu.enrollment.command.plan;

import cn.huzhu.vocabulary.PlanId;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanAggregateTest {

    FixtureConfiguration<PlanAggregate> fixture;

    static final LocalDate FROM = LocalDate.of(2020, 1, 1);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanAggregate.class);
    }

    static RegisterPlanVersionCommand register(int version, String hash) {
        return new RegisterPlanVersionCommand(new PlanId("p"), version, "计划", "ningbo", FROM, "{}", hash);
    }

    static PlanVersionRegisteredEvent registered(int version, String hash) {
        return new PlanVersionRegisteredEvent(new PlanId("p"), version, "计划", "ningbo", FROM, "{}", hash);
    }

    @Test
    void shouldRegisterTheFirstVersion() {
        fixture.givenNoPriorActivity().when(register(1, "h1")).expectEvents(registered(1, "h1"));
    }

    @Test
    void shouldIgnoreTheSameVersionWithTheSameContent() {
        fixture.given(registered(1, "h1"))
                .when(register(1, "h1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseToChangeARegisteredVersion() {
        fixture.given(registered(1, "h1"))
                .when(register(1, "h2"))
                .expectException(PlanVersionImmutableException.class)
                .expectNoEvents();
    }

    @Test
    void shouldAddANewVersion() {
        fixture.given(registered(1, "h1")).when(register(2, "h2")).expectEvents(registered(2, "h2"));
    }
}
