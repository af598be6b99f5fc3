package cn.huzhu.enrollment.command.province;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guangdong's province money (seed 003): a city's quota gives out its places and no more, and the cities' quotas fit the
 * 50 M budget. The seed's own figures fill it exactly: 616 000 union members × 75 + 35 000 hardship workers × 95 + 5 000
 * model workers × 95 = 46 200 000 + 3 325 000 + 475 000 = 50 000 000.
 */
class ProvinceQuotaTest {

    static final String PLAN = "guangdong-2018-hospital";
    static final Actor ADMIN = Actor.of("admin", Actor.Capacity.SCHEME_ADMIN);
    static final LocalDate ON = LocalDate.of(2018, 1, 5);
    static final String QUOTA = ProvinceQuotaAggregate.id(PLAN, 2018, "广州");
    static final String BUDGET = ProvinceBudgetAggregate.id(PLAN, 2018);
    static final BigDecimal FIFTY_MILLION = new BigDecimal("50000000.00");

    /** An enrolment taking a place, as the member aggregate does within its unit of work. */
    record TakePlace(@TargetAggregateIdentifier String quotaId, ProvinceGroup group, String enrollmentId) {}

    /** Quotas set for a city at this cost, as the quota handler does. */
    record Allocate(@TargetAggregateIdentifier String budgetId, String district, BigDecimal cost) {}

    FixtureConfiguration<ProvinceQuotaAggregate> quotas;
    FixtureConfiguration<ProvinceBudgetAggregate> budgets;

    @BeforeEach
    void setUp() {
        quotas = new AggregateTestFixture<>(ProvinceQuotaAggregate.class);
        quotas.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            boolean handle(TakePlace take) throws Exception {
                return quotas.getRepository()
                        .load(take.quotaId())
                        .invoke(q -> q.take(
                                take.group(),
                                PLAN,
                                2018,
                                "广州",
                                take.enrollmentId(),
                                "m-" + take.enrollmentId(),
                                new BigDecimal("75.00")));
            }
        });
        budgets = new AggregateTestFixture<>(ProvinceBudgetAggregate.class);
        budgets.registerAnnotatedCommandHandler(new Object() {
            @CommandHandler
            void handle(Allocate allocate) throws Exception {
                budgets.getRepository()
                        .loadOrCreate(allocate.budgetId(), ProvinceBudgetAggregate::new)
                        .execute(b -> b.allocate(PLAN, 2018, allocate.district(), allocate.cost(), FIFTY_MILLION));
            }
        });
    }

    static ProvinceQuotaSetEvent quotaSet(int unionMembers) {
        return new ProvinceQuotaSetEvent(
                QUOTA,
                new PlanId(PLAN),
                2018,
                "广州",
                unionMembers,
                0,
                0,
                new BigDecimal("75.00").multiply(BigDecimal.valueOf(unionMembers)),
                ADMIN,
                ON);
    }

    static ProvinceQuotaTakenEvent taken(String enrollmentId) {
        return new ProvinceQuotaTakenEvent(
                QUOTA,
                new PlanId(PLAN),
                2018,
                "广州",
                ProvinceGroup.UNION_MEMBERS,
                new EnrollmentId(enrollmentId),
                new MemberId("m-" + enrollmentId),
                new BigDecimal("75.00"));
    }

    static ProvinceBudgetAllocatedEvent allocated(String district, String cost, String total) {
        return new ProvinceBudgetAllocatedEvent(
                BUDGET, new PlanId(PLAN), 2018, district, new BigDecimal(cost), new BigDecimal(total), FIFTY_MILLION);
    }

    @Test
    void guangdongCityQuotaGivesItsLastPlace() {
        quotas.given(quotaSet(2), taken("e-1"))
                .when(new TakePlace(QUOTA, ProvinceGroup.UNION_MEMBERS, "e-2"))
                .expectResultMessagePayload(true)
                .expectEvents(taken("e-2"));
    }

    @Test
    void guangdongCityQuotaSpentGivesNoMore() {
        quotas.given(quotaSet(2), taken("e-1"), taken("e-2"))
                .when(new TakePlace(QUOTA, ProvinceGroup.UNION_MEMBERS, "e-3"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void guangdongCityQuotaOfOneGroupGivesNothingToAnother() {
        quotas.given(quotaSet(2))
                .when(new TakePlace(QUOTA, ProvinceGroup.HARDSHIP, "e-1"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void guangdongBudgetTakesTheSeedsQuotasToTheYuan() {
        budgets.given(allocated("广州", "46200000.00", "46200000.00"), allocated("深圳", "3325000.00", "49525000.00"))
                .when(new Allocate(BUDGET, "珠海", new BigDecimal("475000.00")))
                .expectEvents(allocated("珠海", "475000.00", "50000000.00"));
    }

    @Test
    void guangdongBudgetRefusesOneModelWorkerMore() {
        budgets.given(allocated("广州", "46200000.00", "46200000.00"), allocated("深圳", "3325000.00", "49525000.00"))
                .when(new Allocate(BUDGET, "珠海", new BigDecimal("475095.00")))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("50000095.00"))
                .expectNoEvents();
    }

    @Test
    void guangdongBudgetCountsACitysNewQuotasInsteadOfItsOldOnes() {
        budgets.given(allocated("广州", "46200000.00", "46200000.00"), allocated("深圳", "3800000.00", "50000000.00"))
                .when(new Allocate(BUDGET, "广州", new BigDecimal("46199925.00")))
                .expectEvents(allocated("广州", "46199925.00", "49999925.00"));
    }
}
