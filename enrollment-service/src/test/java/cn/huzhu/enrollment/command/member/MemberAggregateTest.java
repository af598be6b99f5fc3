package cn.huzhu.enrollment.command.member;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.enrollment.command.CollectionMethod;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.command.province.ProvinceFunds;
import cn.huzhu.enrollment.command.province.ProvinceGroup;
import cn.huzhu.enrollment.command.unit.UnitTerms;
import cn.huzhu.enrollment.config.PlanCatalogueLoader;
import cn.huzhu.identity.Gender;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.Payer;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per enrolment rule, against the real plan catalogue files. */
class MemberAggregateTest {

    static final PlanCatalogueLoader CATALOG = PlanCatalogueLoader.load();
    static final String MEMBER = "m-1";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    FixtureConfiguration<MemberAggregate> fixture;
    final Places places = new Places();

    /** The city's places of the province's money as the aggregate sees them: set here per group, taken by enrolments. */
    static final class Places implements ProvinceFunds {
        final java.util.Map<ProvinceGroup, Integer> left = new java.util.EnumMap<>(ProvinceGroup.class);
        final java.util.List<String> taken = new java.util.ArrayList<>();
        boolean unitPaysDues;

        @Override
        public boolean unitPaysDuesInFull(String unitId) {
            return unitPaysDues;
        }

        @Override
        public boolean take(
                String planId,
                int year,
                String district,
                ProvinceGroup group,
                String enrollmentId,
                String memberId,
                BigDecimal amount) {
            if (left.getOrDefault(group, 0) < 1) {
                return false;
            }
            left.merge(group, -1, Integer::sum);
            taken.add(planId + " " + year + " " + district + " " + group + " " + amount.toPlainString());
            return true;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAggregate.class);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(places);
    }

    static MemberRegisteredEvent registered(
            MemberCategory category, Gender gender, boolean serviceCard, boolean realName) {
        return registered(category, gender, serviceCard, realName, false, false);
    }

    static MemberRegisteredEvent registered(
            MemberCategory category,
            Gender gender,
            boolean serviceCard,
            boolean realName,
            boolean hardship,
            boolean modelWorker) {
        return registered(category, gender, serviceCard, realName, hardship, modelWorker, false);
    }

    static MemberRegisteredEvent registered(
            MemberCategory category,
            Gender gender,
            boolean serviceCard,
            boolean realName,
            boolean hardship,
            boolean modelWorker,
            boolean unionMember) {
        return new MemberRegisteredEvent(
                new MemberId(MEMBER),
                "11010519491231002X",
                "王芳",
                "13800001234",
                new UnitId("u-1"),
                "海曙",
                category,
                gender,
                LocalDate.of(1980, 1, 1),
                serviceCard,
                realName,
                LocalDate.of(2020, 1, 2),
                hardship,
                modelWorker,
                unionMember);
    }

    static MemberRegisteredEvent inService() {
        return registered(MemberCategory.IN_SERVICE, Gender.MALE, false, false);
    }

    /**
     * An enrolment asked for today; one starting on a day already past is a historical enrolment the scheme administrator
     * migrates (paid on its first day in the legacy system), which is how the rules of past plan years are tried here.
     */
    static EnrollMemberCommand enrol(
            String enrollmentId, String planId, int shares, Integer termYears, LocalDate effective) {
        if (effective != null && effective.isBefore(TODAY)) {
            return EnrollMemberCommand.migrated(
                    MEMBER,
                    enrollmentId,
                    planId,
                    shares,
                    termYears,
                    effective,
                    TODAY,
                    new Migration(effective, "LEGACY-" + enrollmentId));
        }
        return new EnrollMemberCommand(MEMBER, enrollmentId, planId, shares, termYears, effective, TODAY);
    }

    /** An enrolment held: migrated, paid on its first day. */
    static MemberEnrolledEvent held(String enrollmentId, String planId, int shares, LocalDate start, LocalDate end) {
        return new MemberEnrolledEvent(
                new EnrollmentId(enrollmentId),
                new MemberId(MEMBER),
                new UnitId("u-1"),
                "海曙",
                MemberCategory.IN_SERVICE,
                new PlanId(planId),
                1,
                shares,
                1,
                new BigDecimal("20.00"),
                List.of(new FundingShare(Payer.MEMBER, new BigDecimal("20.00"))),
                start,
                end,
                start,
                false,
                false,
                null,
                true,
                start,
                List.of(),
                PremiumStatus.COLLECTED,
                start,
                "LEGACY-" + enrollmentId);
    }

    /** An enrolment applied for on its first day whose premium was never collected. */
    static MemberEnrolledEvent unpaid(String enrollmentId, String planId, LocalDate start, LocalDate end) {
        return new MemberEnrolledEvent(
                new EnrollmentId(enrollmentId),
                new MemberId(MEMBER),
                new UnitId("u-1"),
                "海曙",
                MemberCategory.IN_SERVICE,
                new PlanId(planId),
                1,
                1,
                1,
                new BigDecimal("20.00"),
                List.of(new FundingShare(Payer.MEMBER, new BigDecimal("20.00"))),
                start,
                end,
                start.plusDays(90),
                false,
                false,
                null,
                false,
                start,
                List.of(),
                PremiumStatus.PENDING,
                null,
                null);
    }

    @SafeVarargs
    static Matcher<List<org.axonframework.messaging.Message<?>>> enrolments(
            Predicate<MemberEnrolledEvent>... expected) {
        @SuppressWarnings("unchecked")
        Matcher<MemberEnrolledEvent>[] matchers = new Matcher[expected.length + 1];
        for (int i = 0; i < expected.length; i++) {
            matchers[i] = predicate(expected[i]);
        }
        matchers[expected.length] = andNoMore();
        return payloadsMatching(exactSequenceOf(matchers));
    }

    @Test
    void shouldComputePremiumCoverageAndNoWaitingForAFirstHospitalisationEnrolment() {
        fixture.given(inService())
                .when(enrol("e-1", "shaoxing-hospital", 1, null, null))
                .expectEventsMatching(enrolments(e -> e.premium().equals(new BigDecimal("60.00"))
                        && e.coverageStart().equals(TODAY)
                        && e.coverageEnd().equals(LocalDate.of(2027, 11, 21))
                        && e.waitingPeriodEnd().equals(TODAY)
                        && !e.continuous()
                        && !e.migrated()
                        && !e.gifted()
                        && e.funding().equals(List.of(new FundingShare(Payer.MEMBER, new BigDecimal("60.00"))))));
    }

    @Test
    void shouldPriceSharesByTheChosenTerm() {
        fixture.given(inService())
                .when(enrol("e-1", "ningbo-2020-special-disease", 3, 3, LocalDate.of(2020, 3, 1)))
                .expectEventsMatching(enrolments(e -> e.premium().equals(new BigDecimal("180.00"))
                        && e.termYears() == 3
                        && e.coverageEnd().equals(LocalDate.of(2023, 2, 28))
                        && e.migrated()));
    }

    @Test
    void shouldStartTheWaitingPeriodOnAFirstEnrolment() {
        fixture.given(inService())
                .when(enrol("e-1", "ningbo-2020-special-disease", 1, 1, LocalDate.of(2020, 3, 1)))
                .expectEventsMatching(
                        enrolments(e -> e.waitingPeriodEnd().equals(LocalDate.of(2020, 5, 30)) && !e.continuous()));
    }

    @Test
    void shouldTreatARenewalWithoutGapAsContinuousWithNoNewWaitingPeriod() {
        fixture.given(
                        inService(),
                        held(
                                "e-0",
                                "ningbo-2020-special-disease",
                                1,
                                LocalDate.of(2020, 3, 1),
                                LocalDate.of(2021, 2, 28)))
                .when(enrol("e-1", "ningbo-2020-special-disease", 1, 1, LocalDate.of(2021, 3, 1)))
                .expectEventsMatching(
                        enrolments(e -> e.continuous() && e.waitingPeriodEnd().equals(LocalDate.of(2021, 3, 1))));
    }

    @Test
    void shouldNotTakeAnEnrolmentNeverPaidForContinuity() {
        fixture.given(
                        inService(),
                        unpaid(
                                "e-0",
                                "ningbo-2020-special-disease",
                                LocalDate.of(2020, 3, 1),
                                LocalDate.of(2021, 2, 28)))
                .when(enrol("e-1", "ningbo-2020-special-disease", 1, 1, LocalDate.of(2021, 3, 1)))
                .expectEventsMatching(
                        enrolments(e -> !e.continuous() && e.waitingPeriodEnd().equals(LocalDate.of(2021, 5, 30))));
    }

    @Test
    void shouldRefuseCoverStartingOnADayAlreadyPast() {
        fixture.given(inService())
                .when(new EnrollMemberCommand(MEMBER, "e-1", "shaoxing-hospital", 1, null, TODAY.minusDays(1), TODAY))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("before the day the application is received"))
                .expectNoEvents();
    }

    @Test
    void shouldRecordTheLegacyPaymentOfAMigratedEnrolment() {
        fixture.given(inService())
                .when(EnrollMemberCommand.migrated(
                        MEMBER,
                        "e-1",
                        "shaoxing-hospital",
                        1,
                        null,
                        LocalDate.of(2026, 3, 1),
                        TODAY,
                        new Migration(LocalDate.of(2026, 2, 20), "LEGACY-7")))
                .expectEventsMatching(enrolments(e -> e.migrated()
                        && e.status() == PremiumStatus.COLLECTED
                        && e.paidOn().equals(LocalDate.of(2026, 2, 20))
                        && e.paymentReference().equals("LEGACY-7")
                        && e.coverageStart().equals(LocalDate.of(2026, 3, 1))));
    }

    @Test
    void shouldRefuseAMigrationPaidAfterToday() {
        fixture.given(inService())
                .when(EnrollMemberCommand.migrated(
                        MEMBER,
                        "e-1",
                        "shaoxing-hospital",
                        1,
                        null,
                        LocalDate.of(2026, 3, 1),
                        TODAY,
                        new Migration(TODAY.plusDays(1), "LEGACY-8")))
                .expectException(EnrollmentRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void shouldRestartTheWaitingPeriodAfterAGap() {
        fixture.given(
                        inService(),
                        held(
                                "e-0",
                                "ningbo-2020-special-disease",
                                1,
                                LocalDate.of(2020, 3, 1),
                                LocalDate.of(2021, 2, 28)))
                .when(enrol("e-1", "ningbo-2020-special-disease", 1, 1, LocalDate.of(2021, 3, 2)))
                .expectEventsMatching(
                        enrolments(e -> !e.continuous() && e.waitingPeriodEnd().equals(LocalDate.of(2021, 5, 31))));
    }

    @Test
    void shouldTakeARenewalOutsideTheWindowWhenThePlanAllowsIt() {
        fixture.given(
                        inService(),
                        held(
                                "e-0",
                                "ningbo-2020-special-disease",
                                1,
                                LocalDate.of(2020, 12, 1),
                                LocalDate.of(2021, 11, 30)))
                .when(enrol("e-1", "ningbo-2020-special-disease", 1, 1, LocalDate.of(2021, 12, 1)))
                .expectEventsMatching(enrolments(EnrollmentEventPredicates.continuous()));
    }

    @Test
    void shouldRefuseANewEnrolmentOutsideTheWindow() {
        fixture.given(inService())
                .when(enrol("e-1", "ningbo-2020-special-disease", 1, 1, LocalDate.of(2021, 12, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("takes enrolments only in"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseMoreSharesThanThePlanAllows() {
        fixture.given(inService())
                .when(enrol("e-1", "ningbo-2020-inservice-hospital", 2, null, LocalDate.of(2020, 4, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 1 share"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseSharesBeyondTheMaximumTogetherWithSharesAlreadyHeld() {
        fixture.given(
                        inService(),
                        held(
                                "e-0",
                                "ningbo-2020-special-disease",
                                2,
                                LocalDate.of(2020, 3, 1),
                                LocalDate.of(2021, 2, 28)))
                .when(enrol("e-1", "ningbo-2020-special-disease", 2, 1, LocalDate.of(2020, 6, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already holds 2 share(s)"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAnInServicePlanToARetiree() {
        fixture.given(registered(MemberCategory.RETIRED, Gender.MALE, false, false))
                .when(enrol("e-1", "ningbo-2020-inservice-hospital", 1, null, LocalDate.of(2020, 4, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("RETIRED"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseTheWomensPlanToAMan() {
        fixture.given(inService())
                .when(enrol("e-1", "ningbo-2020-women", 1, 4, LocalDate.of(2020, 4, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("FEMALE"))
                .expectNoEvents();
    }

    @Test
    void shouldEnrolAWomanInTheWomensPlan() {
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.FEMALE, false, false))
                .when(enrol("e-1", "ningbo-2020-women", 2, 4, LocalDate.of(2020, 4, 1)))
                .expectEventsMatching(enrolments(e -> e.premium().equals(new BigDecimal("100.00"))
                        && e.coverageEnd().equals(LocalDate.of(2024, 3, 31))));
    }

    @Test
    void shouldRefuseATermThePlanDoesNotOffer() {
        fixture.given(inService())
                .when(enrol("e-1", "ningbo-2020-special-disease", 1, 2, LocalDate.of(2020, 4, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("offers terms of [3, 1]"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAnUnknownPlan() {
        fixture.given(inService())
                .when(enrol("e-1", "no-such-plan", 1, null, null))
                .expectException(EnrollmentRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAPlanNotYetInForceOnTheEffectiveDate() {
        fixture.given(inService())
                .when(enrol("e-1", "ningbo-2020-inservice-hospital", 1, null, LocalDate.of(2019, 4, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not yet in force"))
                .expectNoEvents();
    }

    @Test
    void shouldRequireAServiceCardForWujin() {
        fixture.given(inService())
                .when(enrol("e-1", "wujin-2022", 1, null, LocalDate.of(2021, 11, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("SERVICE_CARD"))
                .expectNoEvents();
    }

    /** A roster's enrolment in Quzhou's 2020 plan, applied for on {@code today}. */
    static EnrollMemberCommand quzhouRoster(LocalDate today) {
        return new EnrollMemberCommand(
                new MemberId(MEMBER),
                new EnrollmentId("e-1"),
                new PlanId("quzhou-2020-hospital"),
                1,
                null,
                null,
                today,
                Payer.UNIT,
                UnitTerms.NONE,
                null);
    }

    /** Quzhou group only (seed 004: 由所在单位工会以团体形式集体参保): a member alone is refused; the unit's roster enrols. */
    @Test
    void quzhouGroupOnlyRefusesAnIndividualEnrolment() {
        fixture.given(inService())
                .when(new EnrollMemberCommand(
                        MEMBER, "e-1", "quzhou-2020-hospital", 1, null, null, LocalDate.of(2019, 10, 15)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("roster"))
                .expectNoEvents();
    }

    /** Quzhou cover (seed 004: 2020 年度): the calendar year 2020, whenever in the window the unit enrolled. */
    @Test
    void quzhouCoverIsTheCalendarYear2020() {
        fixture.given(inService())
                .when(quzhouRoster(LocalDate.of(2019, 10, 15)))
                .expectEventsMatching(enrolments(e -> e.coverageStart().equals(LocalDate.of(2020, 1, 1))
                        && e.coverageEnd().equals(LocalDate.of(2020, 12, 31))
                        && e.premium().equals(new BigDecimal("50.00"))));
    }

    /** Quzhou window (seed 004, 三、参保时间: 至2019年11月30日止，逾期不再受理): the 30th is the last day. */
    @Test
    void quzhouWindowClosesAfter30November2019() {
        fixture.given(inService())
                .when(quzhouRoster(LocalDate.of(2019, 11, 30)))
                .expectSuccessfulHandlerExecution();
        fixture.given(inService())
                .when(quzhouRoster(LocalDate.of(2019, 12, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2019-09-01..2019-11-30"))
                .expectNoEvents();
        fixture.given(inService())
                .when(quzhouRoster(LocalDate.of(2020, 3, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectNoEvents();
    }

    /** Quzhou premiums (逾期不再受理): a premium paid after 2019-11-30 is refused, so the enrolment never covers. */
    @Test
    void quzhouPremiumAfterTheDeadlineIsRefused() {
        MemberEnrolledEvent applied = new MemberEnrolledEvent(
                new EnrollmentId("e-1"),
                new MemberId(MEMBER),
                new UnitId("u-1"),
                "海曙",
                MemberCategory.IN_SERVICE,
                new PlanId("quzhou-2020-hospital"),
                3,
                1,
                1,
                new BigDecimal("50.00"),
                List.of(new FundingShare(Payer.UNIT, new BigDecimal("50.00"))),
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31),
                LocalDate.of(2020, 1, 1),
                false,
                false,
                null,
                false,
                LocalDate.of(2019, 11, 20),
                List.of(),
                PremiumStatus.PENDING,
                null,
                null);
        fixture.given(inService(), applied)
                .when(new RecordPremiumCollectionCommand(
                        new MemberId(MEMBER),
                        new EnrollmentId("e-1"),
                        true,
                        CollectionMethod.UNIT_TRANSFER,
                        "ZZ-1",
                        null,
                        LocalDate.of(2019, 12, 1),
                        LocalDate.of(2019, 12, 2),
                        Actor.of("finance", Actor.Capacity.FINANCE)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("until 2019-11-30"))
                .expectNoEvents();
    }

    /** Wujin eligibility (seed 002, 参加对象): in-service workers of Wujin (武进在职职工) only. */
    @Test
    void wujinEligibilityRefusesARetiree() {
        fixture.given(registered(MemberCategory.RETIRED, Gender.MALE, true, false))
                .when(enrol("e-1", "wujin-2022", 1, null, LocalDate.of(2021, 11, 1)))
                .expectException(EnrollmentRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("RETIRED"))
                .expectNoEvents();
    }

    @Test
    void shouldCoverWujinsFixedCalendarYearWhateverTheEnrolmentDate() {
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, true, false))
                .when(enrol("e-1", "wujin-2022", 1, null, LocalDate.of(2021, 11, 1)))
                .expectEventsMatching(enrolments(e -> e.coverageStart().equals(LocalDate.of(2022, 1, 1))
                        && e.coverageEnd().equals(LocalDate.of(2022, 12, 31))
                        && e.premium().equals(new BigDecimal("30.00"))));
    }

    @Test
    void shouldEndJinhuaCoverageWithTheProtectionYear() {
        fixture.given(inService())
                .when(enrol("e-1", "jinhua-2015-hospital", 1, null, LocalDate.of(2015, 11, 20)))
                .expectEventsMatching(enrolments(e -> e.coverageStart().equals(LocalDate.of(2015, 11, 20))
                        && e.coverageEnd().equals(LocalDate.of(2016, 9, 30))));
    }

    @Test
    void shouldGiftASpecialDiseaseShareToACardHoldingVerifiedInServiceMember() {
        String giftId = MemberAggregate.giftEnrollmentId("e-1", "ningbo-2020-special-disease");
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, true, true))
                .when(enrol("e-1", "ningbo-2020-inservice-hospital", 1, null, LocalDate.of(2020, 4, 1)))
                .expectEventsMatching(enrolments(
                        e -> e.enrollmentId().value().equals("e-1")
                                && !e.gifted()
                                && e.premium().equals(new BigDecimal("50.00")),
                        e -> e.enrollmentId().value().equals(giftId)
                                && e.gifted()
                                && "e-1".equals(e.giftOf())
                                && e.planId().value().equals("ningbo-2020-special-disease")
                                && e.shares() == 1
                                && e.termYears() == 1
                                && e.premium().equals(new BigDecimal("20.00"))
                                && e.funding().equals(List.of(new FundingShare(Payer.UNION, new BigDecimal("20.00"))))
                                && e.coverageStart().equals(LocalDate.of(2020, 4, 1))));
    }

    @Test
    void shouldGiveTheGiftOnlyOnceThePaidEnrolmentsPremiumIsCollected() {
        LocalDate applied = LocalDate.of(2020, 4, 1);
        String giftId = MemberAggregate.giftEnrollmentId("e-1", "ningbo-2020-special-disease");
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, true, true))
                .when(new EnrollMemberCommand(MEMBER, "e-1", "ningbo-2020-inservice-hospital", 1, null, null, applied))
                .expectEventsMatching(
                        enrolments(e -> e.enrollmentId().value().equals("e-1") && e.status() == PremiumStatus.PENDING));
        MemberEnrolledEvent pending = new MemberEnrolledEvent(
                new EnrollmentId("e-1"),
                new MemberId(MEMBER),
                new UnitId("u-1"),
                "海曙",
                MemberCategory.IN_SERVICE,
                new PlanId("ningbo-2020-inservice-hospital"),
                1,
                1,
                1,
                new BigDecimal("50.00"),
                List.of(new FundingShare(Payer.MEMBER, new BigDecimal("50.00"))),
                applied,
                LocalDate.of(2021, 3, 31),
                applied,
                false,
                false,
                null,
                false,
                applied,
                List.of(),
                PremiumStatus.PENDING,
                null,
                null);
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, true, true), pending)
                .when(PremiumCollectionTest.collected("e-1", "DK-1", LocalDate.of(2020, 4, 10)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(p -> p instanceof PremiumCollectedEvent c
                                && c.coverageStart().equals(LocalDate.of(2020, 4, 10))),
                        predicate(p -> p instanceof MemberEnrolledEvent g
                                && g.enrollmentId().value().equals(giftId)
                                && g.gifted()
                                && g.status() == PremiumStatus.COLLECTED
                                && g.coverageStart().equals(LocalDate.of(2020, 4, 10))),
                        andNoMore())));
    }

    @Test
    void shouldNotGiftWithoutRealNameVerification() {
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, true, false))
                .when(enrol("e-1", "ningbo-2020-inservice-hospital", 1, null, LocalDate.of(2020, 4, 1)))
                .expectEventsMatching(enrolments(e -> !e.gifted()));
    }

    @Test
    void shouldNotGiftOutsideTheGiftCampaign() {
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, true, true))
                .when(enrol("e-1", "ningbo-2020-inservice-hospital", 1, null, LocalDate.of(2021, 4, 1)))
                .expectEventsMatching(enrolments(e -> !e.gifted()));
    }

    @Test
    void shouldSkipTheGiftWhenTheMemberAlreadyHoldsTheMostSpecialDiseaseShares() {
        fixture.given(
                        registered(MemberCategory.IN_SERVICE, Gender.MALE, true, true),
                        held(
                                "e-0",
                                "ningbo-2020-special-disease",
                                3,
                                LocalDate.of(2020, 1, 1),
                                LocalDate.of(2022, 12, 31)))
                .when(enrol("e-1", "ningbo-2020-inservice-hospital", 1, null, LocalDate.of(2020, 4, 1)))
                .expectEventsMatching(enrolments(e -> e.enrollmentId().value().equals("e-1") && !e.gifted()));
    }

    static MemberRegisteredEvent unionMember() {
        return registered(MemberCategory.IN_SERVICE, Gender.MALE, false, false, false, false, true);
    }

    static final List<FundingShare> PROVINCE_75_MEMBER_20 = List.of(
            new FundingShare(Payer.PROVINCE, new BigDecimal("75.00")),
            new FundingShare(Payer.MEMBER, new BigDecimal("20.00")));
    static final List<FundingShare> MEMBER_95 = List.of(new FundingShare(Payer.MEMBER, new BigDecimal("95.00")));
    static final List<FundingShare> PROVINCE_95 = List.of(new FundingShare(Payer.PROVINCE, new BigDecimal("95.00")));

    @Test
    void guangdongProvincePaysItsPart75ForAUnionMemberOfAUnitPayingItsDuesInFullFromTheCitysQuota() {
        places.unitPaysDues = true;
        places.left.put(ProvinceGroup.UNION_MEMBERS, 1);
        fixture.given(unionMember())
                .when(enrol("e-1", "guangdong-2018-hospital", 1, null, LocalDate.of(2018, 6, 1)))
                .expectEventsMatching(enrolments(e -> e.premium().equals(new BigDecimal("95.00"))
                        && e.funding().equals(PROVINCE_75_MEMBER_20)));
        org.assertj.core.api.Assertions.assertThat(places.taken)
                .containsExactly("guangdong-2018-hospital 2018 海曙 UNION_MEMBERS 75.00");
    }

    @Test
    void guangdongProvincePaysNothingForAUnionMemberOfAUnitNotPayingItsDuesInFull() {
        places.unitPaysDues = false;
        places.left.put(ProvinceGroup.UNION_MEMBERS, 1);
        fixture.given(unionMember())
                .when(enrol("e-1", "guangdong-2018-hospital", 1, null, LocalDate.of(2018, 6, 1)))
                .expectEventsMatching(enrolments(e -> e.funding().equals(MEMBER_95)));
        org.assertj.core.api.Assertions.assertThat(places.taken).isEmpty();
    }

    @Test
    void guangdongProvincePaysNothingForAWorkerWhoIsNotAUnionMemberEvenAtADuesPayingUnit() {
        places.unitPaysDues = true;
        places.left.put(ProvinceGroup.UNION_MEMBERS, 1);
        fixture.given(inService())
                .when(enrol("e-1", "guangdong-2018-hospital", 1, null, LocalDate.of(2018, 6, 1)))
                .expectEventsMatching(enrolments(e -> e.funding().equals(MEMBER_95)));
        org.assertj.core.api.Assertions.assertThat(places.taken).isEmpty();
    }

    @Test
    void guangdongProvincePartStopsWhenTheCitysQuotaIsSpent() {
        places.unitPaysDues = true;
        places.left.put(ProvinceGroup.UNION_MEMBERS, 0);
        fixture.given(unionMember())
                .when(enrol("e-1", "guangdong-2018-hospital", 1, null, LocalDate.of(2018, 6, 1)))
                .expectEventsMatching(enrolments(e -> e.funding().equals(MEMBER_95)));
    }

    @Test
    void guangdongV1BeforeTheCorrectionGaveThe75ToAnyone() {
        PlanVersion v1 = CATALOG.allVersions().stream()
                .filter(v -> v.planId().equals("guangdong-2018-hospital") && v.version() == 1)
                .findFirst()
                .orElseThrow();
        EnrollmentPolicy.Decision decision = EnrollmentPolicy.decide(
                new OneVersion(v1),
                new MemberProfile(MemberCategory.IN_SERVICE, Gender.MALE, false, false, false, false, false),
                List.of(),
                new EnrollmentPolicy.Request(
                        "guangdong-2018-hospital", 1, null, null, Payer.MEMBER, false, null, null, false),
                LocalDate.of(2018, 6, 1));
        org.assertj.core.api.Assertions.assertThat(decision.funding()).isEqualTo(PROVINCE_75_MEMBER_20);
    }

    /** A catalogue of one plan version, to read a version the catalogue has since corrected. */
    record OneVersion(PlanVersion version) implements PlanCatalog {
        @Override
        public boolean exists(String planId) {
            return version.planId().equals(planId);
        }

        @Override
        public java.util.Optional<PlanVersion> versionOn(String planId, LocalDate date) {
            return exists(planId) && !date.isBefore(version.validFrom())
                    ? java.util.Optional.of(version)
                    : java.util.Optional.empty();
        }

        @Override
        public List<PlanVersion> allVersions() {
            return List.of(version);
        }
    }

    @Test
    void guangdongProvincePaysAllForAHardshipWorkerFromTheHardshipQuota() {
        places.left.put(ProvinceGroup.HARDSHIP, 1);
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, false, false, true, false))
                .when(enrol("e-1", "guangdong-2018-hospital", 1, null, LocalDate.of(2018, 6, 1)))
                .expectEventsMatching(enrolments(e -> e.funding().equals(PROVINCE_95)));
        org.assertj.core.api.Assertions.assertThat(places.taken)
                .containsExactly("guangdong-2018-hospital 2018 海曙 HARDSHIP 95.00");
    }

    @Test
    void guangdongProvincePaysAllForAModelWorkerFromTheModelWorkersQuota() {
        places.left.put(ProvinceGroup.MODEL_WORKERS, 1);
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.FEMALE, false, false, false, true))
                .when(enrol("e-1", "guangdong-2018-hospital", 1, null, LocalDate.of(2018, 6, 1)))
                .expectEventsMatching(enrolments(e -> e.funding().equals(PROVINCE_95)));
    }

    @Test
    void guangdongHardshipWorkerPaysTheWhole95OnceTheHardshipQuotaIsSpent() {
        places.left.put(ProvinceGroup.HARDSHIP, 0);
        places.left.put(ProvinceGroup.UNION_MEMBERS, 5);
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, false, false, true, false))
                .when(enrol("e-1", "guangdong-2018-hospital", 1, null, LocalDate.of(2018, 6, 1)))
                .expectEventsMatching(enrolments(e -> e.funding().equals(MEMBER_95)));
    }

    @Test
    void shouldLeaveOtherPlansToTheMemberWhateverTheirStatus() {
        fixture.given(registered(MemberCategory.IN_SERVICE, Gender.MALE, false, false, true, true))
                .when(enrol("e-1", "shaoxing-hospital", 1, null, null))
                .expectEventsMatching(enrolments(
                        e -> e.funding().equals(List.of(new FundingShare(Payer.MEMBER, new BigDecimal("60.00"))))));
    }

    @Test
    void shouldRefuseASecondOverlappingHospitalisationEnrolment() {
        fixture.given(inService(), held("e-0", "shaoxing-hospital", 1, TODAY.minusMonths(2), TODAY.plusMonths(10)))
                .when(enrol("e-1", "shaoxing-hospital", 1, null, null))
                .expectException(EnrollmentRefusedException.class)
                .expectNoEvents();
    }
}
