package cn.huzhu.claims.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every seed plan adjudicated as PLANS.md says, with the amounts worked out by hand from the notices. */
class BenefitEngineTest {

    static Coverage coverage(
            String planId, int shares, LocalDate start, LocalDate end, LocalDate waitingEnd, boolean continuous) {
        return new Coverage("e-" + planId, planId, 1, shares, start, end, waitingEnd, continuous);
    }

    static Coverage year(String planId, LocalDate start) {
        return coverage(planId, 1, start, start.plusYears(1).minusDays(1), start, false);
    }

    static Bill coPay(String coPay) {
        return Bill.settled("20000", "10000", "0", coPay, "0");
    }

    static Adjudication hospital(String planId, Coverage coverage, BenefitAccount account, Bill bill, int days) {
        return BenefitEngine.adjudicate(
                SeedPlans.plan(planId),
                coverage,
                account,
                Claim.hospitalization(coverage.coverageStart().plusDays(20), days, bill));
    }

    static void assertPaid(Adjudication result, String total) {
        assertThat(result.rejection()).as(String.valueOf(result.rejection())).isNull();
        assertThat(result.amount()).isEqualByComparingTo(total);
        assertThat(result.lines().stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the lines add up to the amount")
                .isEqualByComparingTo(total);
    }

    static void assertRejected(Adjudication result, String code) {
        assertThat(result.approved()).isFalse();
        assertThat(result.rejection().code()).isEqualTo(code);
        assertThat(result.amount()).isZero();
    }

    @Nested
    class Shaoxing {
        final Coverage cover = year("shaoxing-hospital", LocalDate.of(2015, 1, 1));

        @Test
        void theSeedExamplePays1830InWholeYuanRoundedDownPlus250ForTenDays() {
            Adjudication result = hospital("shaoxing-hospital", cover, BenefitAccount.EMPTY, coPay("2287.99"), 10);

            assertPaid(result, "2080.00");
            assertThat(result.lines()).extracting(Line::rule).containsExactly("FLAT_RATE CO_PAY", "DAILY_ALLOWANCE");
            assertThat(result.lines().get(0).amount()).isEqualByComparingTo("1830.00");
            assertThat(result.lines().get(1).amount()).isEqualByComparingTo("250.00");
        }

        @Test
        void theAnnualCapOf50000StopsTheReimbursementMidClaimButNotTheAllowance() {
            BenefitAccount nearlyFull = BenefitAccount.EMPTY;
            nearlyFull = BenefitEngine.adjudicate(
                            SeedPlans.plan("shaoxing-hospital"),
                            cover,
                            nearlyFull,
                            Claim.hospitalization(LocalDate.of(2015, 2, 1), 0, coPay("61875.00")))
                    .accountAfter();

            Adjudication result = hospital("shaoxing-hospital", cover, nearlyFull, coPay("2287.99"), 10);

            assertThat(nearlyFull.amount("cap:FlatRate#0")).isEqualByComparingTo("49500.00");
            assertPaid(result, "750.00");
            assertThat(result.lines()).extracting(Line::rule).contains("ANNUAL_CAP");
        }

        /** Shaoxing death condolence (seed 001: 对参保期内因病死亡的职工给予一次性3000元慰问金): a death from illness only. */
        @ParameterizedTest(name = "death of {0}")
        @CsvSource({"ILLNESS, 3000.00", "OTHER_ACCIDENT, 0", "TRAFFIC_ACCIDENT, 0", "WORK_INJURY, 0"})
        void shaoxingDeathFromIllnessPays3000AndAnotherCauseNothing(Cause cause, String expected) {
            Adjudication result = BenefitEngine.adjudicate(
                    SeedPlans.plan("shaoxing-hospital"),
                    cover,
                    BenefitAccount.EMPTY,
                    new Claim(
                            ClaimType.DEATH,
                            LocalDate.of(2015, 6, 1),
                            null,
                            null,
                            null,
                            null,
                            null,
                            cause,
                            Set.of(),
                            null));
            if ("0".equals(expected)) {
                assertRejected(result, "DEATH_CAUSE_NOT_COVERED");
            } else {
                assertPaid(result, expected);
            }
        }

        @Test
        void anEventOutsideTheCoverIsRejected() {
            Adjudication result = BenefitEngine.adjudicate(
                    SeedPlans.plan("shaoxing-hospital"),
                    cover,
                    BenefitAccount.EMPTY,
                    Claim.hospitalization(LocalDate.of(2016, 1, 1), 3, coPay("1000")));
            assertRejected(result, "NOT_COVERED");
        }
    }

    @Nested
    class NingboHospitalisation {
        final Coverage inService = year("ningbo-2020-inservice-hospital", LocalDate.of(2020, 3, 1));

        @ParameterizedTest(name = "co-pay {0} -> {1}")
        @CsvSource({"5000, 2800.00", "3000, 2600.00", "3000.01, 2600.00", "100, 280.00"})
        void eightyPercentUpTo3000TenPercentAboveAndTheFirstHospitalisationSubsidy(String coPay, String expected) {
            assertPaid(
                    hospital("ningbo-2020-inservice-hospital", inService, BenefitAccount.EMPTY, coPay(coPay), 5),
                    expected);
        }

        @Test
        void theSubsidyIsPaidOncePerTerm() {
            Adjudication first =
                    hospital("ningbo-2020-inservice-hospital", inService, BenefitAccount.EMPTY, coPay("1000"), 5);
            Adjudication second =
                    hospital("ningbo-2020-inservice-hospital", inService, first.accountAfter(), coPay("1000"), 5);
            assertPaid(first, "1000.00");
            assertPaid(second, "800.00");
        }

        @Test
        void retireesGetFiftyPercentWhenContinuousAndFortyAfterAGap() {
            LocalDate start = LocalDate.of(2020, 3, 1);
            Coverage continuous = coverage(
                    "ningbo-2020-retiree-hospital", 1, start, start.plusYears(1).minusDays(1), start, true);
            Coverage first = coverage(
                    "ningbo-2020-retiree-hospital", 1, start, start.plusYears(1).minusDays(1), start, false);
            assertPaid(
                    hospital("ningbo-2020-retiree-hospital", continuous, BenefitAccount.EMPTY, coPay("4000"), 3),
                    "1600.00");
            assertPaid(
                    hospital("ningbo-2020-retiree-hospital", first, BenefitAccount.EMPTY, coPay("4000"), 3), "1300.00");
        }
    }

    @Nested
    class NingboLumpSums {
        static final LocalDate START = LocalDate.of(2020, 3, 1);
        final Coverage twoShares = coverage(
                "ningbo-2020-special-disease", 2, START, START.plusYears(1).minusDays(1), START.plusDays(90), false);

        Adjudication diagnosed(String planId, Coverage cover, BenefitAccount account, int day, String disease) {
            return BenefitEngine.adjudicate(
                    SeedPlans.plan(planId), cover, account, Claim.diagnosis(START.plusDays(day), disease));
        }

        @ParameterizedTest(name = "day {0}: {1}")
        @CsvSource({"29, 0", "30, 1000.00", "89, 1000.00", "90, 20000.00", "364, 20000.00"})
        void nothingBeforeDay30ACondolenceUntilDay90AndTheSharesAfter(int day, String expected) {
            Adjudication result =
                    diagnosed("ningbo-2020-special-disease", twoShares, BenefitAccount.EMPTY, day, "MALIGNANT_TUMOR");
            if ("0".equals(expected)) {
                assertRejected(result, "IN_WAITING_PERIOD");
            } else {
                assertPaid(result, expected);
            }
        }

        @Test
        void aContinuousRenewalHasNoWaitingPeriod() {
            Coverage renewed = coverage(
                    "ningbo-2020-special-disease", 1, START, START.plusYears(1).minusDays(1), START, true);
            assertPaid(
                    diagnosed("ningbo-2020-special-disease", renewed, BenefitAccount.EMPTY, 1, "UREMIA"), "10000.00");
        }

        @Test
        void theLumpSumIsPaidOncePerTerm() {
            Adjudication first = diagnosed("ningbo-2020-special-disease", twoShares, BenefitAccount.EMPTY, 100, "CABG");
            assertRejected(
                    diagnosed("ningbo-2020-special-disease", twoShares, first.accountAfter(), 200, "UREMIA"),
                    "ALREADY_PAID");
        }

        @Test
        void covid19CountsOnlyForDiagnosesFromJanuaryToJuly2020() {
            Coverage renewed = coverage(
                    "ningbo-2020-special-disease", 1, START, START.plusYears(1).minusDays(1), START, true);
            assertPaid(
                    diagnosed("ningbo-2020-special-disease", renewed, BenefitAccount.EMPTY, 152, "COVID19"),
                    "10000.00");
            assertRejected(
                    diagnosed("ningbo-2020-special-disease", renewed, BenefitAccount.EMPTY, 153, "COVID19"),
                    "DISEASE_NOT_COVERED");
        }

        /** First diagnosis (PLANS.md): a disease diagnosed in the waiting period, condolence paid or not, has had its first diagnosis. */
        @ParameterizedTest(name = "first diagnosed on day {0}")
        @ValueSource(ints = {20, 30, 89})
        void firstDiagnosisInTheWaitingPeriodClosesTheLumpSumForThatDisease(int day) {
            Adjudication inWaiting =
                    diagnosed("ningbo-2020-special-disease", twoShares, BenefitAccount.EMPTY, day, "MALIGNANT_TUMOR");
            Adjudication again = diagnosed(
                    "ningbo-2020-special-disease", twoShares, inWaiting.accountAfter(), 120, "MALIGNANT_TUMOR");
            Adjudication another =
                    diagnosed("ningbo-2020-special-disease", twoShares, inWaiting.accountAfter(), 120, "UREMIA");

            assertThat(inWaiting.amount()).isEqualByComparingTo(day >= 30 ? "1000.00" : "0");
            assertRejected(again, "NOT_FIRST_DIAGNOSIS");
            assertPaid(another, "20000.00");
        }

        @Test
        void firstDiagnosisIsKeptAcrossAContinuousRenewal() {
            Adjudication condolence =
                    diagnosed("ningbo-2020-special-disease", twoShares, BenefitAccount.EMPTY, 40, "UREMIA");
            Coverage renewed = coverage(
                    "ningbo-2020-special-disease",
                    2,
                    START.plusYears(1),
                    START.plusYears(2).minusDays(1),
                    START.plusYears(1),
                    true);
            Adjudication nextYear = BenefitEngine.adjudicate(
                    SeedPlans.plan("ningbo-2020-special-disease"),
                    renewed,
                    BenefitAccount.EMPTY.withPaid(condolence.accountAfter().lifetimePayments()),
                    Claim.diagnosis(START.plusYears(1).plusDays(10), "UREMIA"));

            assertThat(SeedPlans.plan("ningbo-2020-special-disease").paysOncePerLifetime())
                    .as("kept for later enrolments")
                    .isTrue();
            assertRejected(nextYear, "NOT_FIRST_DIAGNOSIS");
        }

        @Test
        void firstDiagnosisOfAFemaleCancerInTheWaitingPeriodClosesTheWomensLumpSum() {
            Coverage women =
                    coverage("ningbo-2020-women", 1, START, START.plusYears(4).minusDays(1), START.plusDays(90), false);
            Adjudication condolence = diagnosed("ningbo-2020-women", women, BenefitAccount.EMPTY, 45, "BREAST_CANCER");
            assertPaid(condolence, "1000.00");
            assertRejected(
                    diagnosed("ningbo-2020-women", women, condolence.accountAfter(), 200, "BREAST_CANCER"),
                    "NOT_FIRST_DIAGNOSIS");
        }

        @Test
        void theWomensPlanPaysFemaleCancersAndACondolenceForTheSpecialDiseases() {
            Coverage women =
                    coverage("ningbo-2020-women", 1, START, START.plusYears(4).minusDays(1), START.plusDays(90), false);
            assertPaid(diagnosed("ningbo-2020-women", women, BenefitAccount.EMPTY, 90, "BREAST_CANCER"), "10000.00");
            assertPaid(diagnosed("ningbo-2020-women", women, BenefitAccount.EMPTY, 40, "UREMIA"), "1000.00");
            assertRejected(
                    diagnosed("ningbo-2020-women", women, BenefitAccount.EMPTY, 20, "UREMIA"), "IN_WAITING_PERIOD");
        }
    }

    @Nested
    class Quzhou {
        final Coverage cover = year("quzhou-2020-hospital", LocalDate.of(2020, 1, 1));

        @ParameterizedTest(name = "co-pay {0} -> {1}")
        @CsvSource({
            "14000, 6250.00",
            "13500, 6000.00",
            "5000, 2000.00",
            "10000, 4250.00",
            "100, 50.00",
            "125, 50.00",
            "125.01, 50.00",
            "200, 80.00"
        })
        void threeBandsNoDeductibleAndAMinimumPayoutOf50(String coPay, String expected) {
            assertPaid(hospital("quzhou-2020-hospital", cover, BenefitAccount.EMPTY, coPay(coPay), 4), expected);
        }

        @Test
        void aBillWithNoCoPayIsRejected() {
            assertRejected(hospital("quzhou-2020-hospital", cover, BenefitAccount.EMPTY, coPay("0"), 4), "NO_BASE");
        }
    }

    @Nested
    class Jinhua {
        final Coverage cover = year("jinhua-2015-hospital", LocalDate.of(2014, 10, 1));

        @Test
        void theDeductibleAtHalfAndTheProportionalCoPayInThreeBands() {
            Adjudication result = hospital(
                    "jinhua-2015-hospital",
                    cover,
                    BenefitAccount.EMPTY,
                    Bill.settled("40000", "25000", "1000", "13000", "2000"),
                    9);
            assertPaid(result, "7400.00");
            assertThat(result.lines()).hasSize(4);
        }

        @Test
        void bothRulesShareOneAnnualCapOf30000PerShare() {
            BenefitAccount used =
                    new BenefitAccount(java.util.Map.of("cap:ANNUAL", new BigDecimal("25000.00")), Set.of());
            Adjudication result = hospital(
                    "jinhua-2015-hospital", cover, used, Bill.settled("40000", "25000", "1000", "13000", "2000"), 9);
            assertPaid(result, "5000.00");
            assertThat(result.accountAfter().amount("cap:ANNUAL")).isEqualByComparingTo("30000.00");
            assertRejected(
                    hospital(
                            "jinhua-2015-hospital",
                            cover,
                            result.accountAfter(),
                            Bill.settled("4000", "2500", "100", "1300", "200"),
                            2),
                    "CAP_REACHED");
        }
    }

    @Nested
    class Wujin {
        final Coverage cover = coverage(
                "wujin-2022", 1, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2022, 1, 1), false);

        Adjudication claim(BenefitAccount account, Claim claim) {
            return BenefitEngine.adjudicate(SeedPlans.plan("wujin-2022"), cover, account, claim);
        }

        Claim stay(Bill bill, Cause cause, Set<String> exclusions) {
            return new Claim(
                    ClaimType.HOSPITALIZATION,
                    LocalDate.of(2022, 5, 1),
                    LocalDate.of(2022, 5, 8),
                    7,
                    null,
                    null,
                    null,
                    cause,
                    exclusions,
                    bill);
        }

        @ParameterizedTest(name = "co-pay + self-funded {0} -> {1}")
        @CsvSource({"999.99, 0", "1000, 500.00", "4999.99, 500.00", "5000, 1000.00", "100000, 20000.00"})
        void bracketsOnTheYearsCumulativeAmountLowerBoundInclusive(String amount, String expected) {
            Adjudication result = claim(
                    BenefitAccount.EMPTY, stay(Bill.settled("200000", "0", "0", amount, "0"), Cause.ILLNESS, Set.of()));
            if ("0".equals(expected)) {
                assertRejected(result, "BELOW_BRACKET");
            } else {
                assertPaid(result, expected);
            }
        }

        @Test
        void aSecondClaimCrossingIntoAHigherBracketIsPaidTheDifference() {
            Adjudication first = claim(
                    BenefitAccount.EMPTY,
                    stay(Bill.settled("9000", "5000", "0", "3000", "1000"), Cause.ILLNESS, Set.of()));
            Adjudication second = claim(
                    first.accountAfter(),
                    stay(Bill.settled("20000", "12000", "0", "7000", "1000"), Cause.ILLNESS, Set.of()));
            assertPaid(first, "500.00");
            assertPaid(second, "1000.00");
            assertThat(second.lines().get(0).base()).as("cumulative").isEqualByComparingTo("12000");
        }

        @Test
        void anUnsettledBillCounts34PercentAndAnUnsettledTrafficAccident545PercentOfTheLiabilityShare() {
            // 10 000 x 34 % = 3 400 -> [1000, 5000) 500; 20 000 x 54.5 % = 10 900 -> [10000, 15000) 1 500
            Bill unsettled =
                    new Bill(new BigDecimal("10000"), null, null, null, null, false, new BigDecimal("10000"), null);
            Bill traffic = new Bill(
                    new BigDecimal("30000"),
                    null,
                    null,
                    null,
                    null,
                    false,
                    new BigDecimal("30000"),
                    new BigDecimal("20000"));
            assertPaid(claim(BenefitAccount.EMPTY, stay(unsettled, Cause.ILLNESS, Set.of())), "500.00");
            assertPaid(claim(BenefitAccount.EMPTY, stay(traffic, Cause.TRAFFIC_ACCIDENT, Set.of())), "1500.00");
        }

        @Test
        void noHospitalisationBenefitForAWorkInjuryAndNothingForAnExcludedCause() {
            Bill bill = Bill.settled("9000", "5000", "0", "3000", "1000");
            assertRejected(claim(BenefitAccount.EMPTY, stay(bill, Cause.WORK_INJURY, Set.of())), "CAUSE_NOT_COVERED");
            assertRejected(
                    claim(BenefitAccount.EMPTY, stay(bill, Cause.TRAFFIC_ACCIDENT, Set.of("DRUNK_DRIVING"))),
                    "EXCLUDED");
        }

        @ParameterizedTest(name = "grade {0} -> {1}")
        @CsvSource({"1, 5000.00", "2, 5000.00", "3, 3000.00", "6, 2000.00", "8, 500.00", "10, 300.00"})
        void workInjuryByGrade(int grade, String expected) {
            assertPaid(
                    claim(
                            BenefitAccount.EMPTY,
                            new Claim(
                                    ClaimType.WORK_INJURY,
                                    LocalDate.of(2022, 3, 3),
                                    null,
                                    null,
                                    null,
                                    null,
                                    grade,
                                    Cause.WORK_INJURY,
                                    Set.of(),
                                    null)),
                    expected);
        }

        /** Wujin work injury (seed 002: 工伤1-2级（含工亡）): a death certified as work-related is paid as grades 1–2; no other death. */
        @ParameterizedTest(name = "death of {0}")
        @CsvSource({"WORK_INJURY, 5000.00", "ILLNESS, 0", "OTHER_ACCIDENT, 0", "TRAFFIC_ACCIDENT, 0"})
        void wujinDeathPaysOnlyWhenCertifiedAsWorkRelated(Cause cause, String expected) {
            Adjudication result = claim(
                    BenefitAccount.EMPTY,
                    new Claim(
                            ClaimType.DEATH,
                            LocalDate.of(2022, 3, 3),
                            null,
                            null,
                            null,
                            null,
                            null,
                            cause,
                            Set.of(),
                            null));
            if ("0".equals(expected)) {
                assertRejected(result, "DEATH_NOT_WORK_RELATED");
            } else {
                assertPaid(result, expected);
            }
        }

        /** Wujin exclusions: the critical-illness benefit has a list of its own; the general list is for stays and injuries. */
        @Test
        void wujinCriticalIllnessIsExcludedByItsOwnListOnly() {
            Claim drunkAndIll = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2022, 4, 1),
                    null,
                    null,
                    "CHANGZHOU_GRADE_3",
                    "UREMIA",
                    null,
                    Cause.ILLNESS,
                    Set.of("DRUNKENNESS_OR_FIGHTING"),
                    null);
            Claim misdiagnosed = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2022, 4, 1),
                    null,
                    null,
                    "CHANGZHOU_GRADE_3",
                    "UREMIA",
                    null,
                    Cause.ILLNESS,
                    Set.of("MISDIAGNOSIS"),
                    null);
            Bill bill = Bill.settled("9000", "5000", "0", "3000", "1000");

            assertPaid(claim(BenefitAccount.EMPTY, drunkAndIll), "5000.00");
            assertRejected(claim(BenefitAccount.EMPTY, misdiagnosed), "EXCLUDED");
            assertPaid(
                    claim(BenefitAccount.EMPTY, stay(bill, Cause.ILLNESS, Set.of("PRE_EXISTING_DISEASE"))), "500.00");
            assertRejected(claim(BenefitAccount.EMPTY, stay(bill, Cause.ILLNESS, Set.of("BED_BLOCKING"))), "EXCLUDED");
        }

        /** Wujin unsettled traffic accident: 54.5 % of the member's liability share, so no liability pays nothing. */
        @Test
        void wujinUnsettledTrafficAccidentWithNoLiabilityPaysNothing() {
            Bill noLiability = new Bill(
                    new BigDecimal("30000"), null, null, null, null, false, new BigDecimal("30000"), BigDecimal.ZERO);
            Adjudication result = claim(BenefitAccount.EMPTY, stay(noLiability, Cause.TRAFFIC_ACCIDENT, Set.of()));
            assertRejected(result, "BELOW_BRACKET");
        }

        /** Wujin critical illness (seed 002: 常州市二、三级医院、外省市三级医院确诊): grade 3 anywhere outside Changzhou counts. */
        @ParameterizedTest(name = "diagnosed at {0}")
        @CsvSource({
            "CHANGZHOU_GRADE_2, 5000.00",
            "CHANGZHOU_GRADE_3, 5000.00",
            "OUTSIDE_CHANGZHOU_GRADE_3, 5000.00",
            "OUT_OF_PROVINCE_GRADE_3, 5000.00",
            "CHANGZHOU_GRADE_1, 0",
            "OUTSIDE_CHANGZHOU_GRADE_2, 0"
        })
        void wujinCriticalIllnessHospitalGrades(String grade, String expected) {
            Adjudication result = claim(
                    BenefitAccount.EMPTY,
                    new Claim(
                            ClaimType.CRITICAL_ILLNESS,
                            LocalDate.of(2022, 4, 1),
                            null,
                            null,
                            grade,
                            "STROKE_SEQUELAE",
                            null,
                            Cause.ILLNESS,
                            Set.of(),
                            null));
            if ("0".equals(expected)) {
                assertRejected(result, "HOSPITAL_NOT_ELIGIBLE");
            } else {
                assertPaid(result, expected);
            }
        }

        /** The 30 illnesses as docs/disease-codes.md lists them (28 of the 2020 definitions, two assumed). */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "MALIGNANT_TUMOR",
                    "ACUTE_MYOCARDIAL_INFARCTION",
                    "STROKE_SEQUELAE",
                    "MAJOR_ORGAN_OR_STEM_CELL_TRANSPLANT",
                    "CABG",
                    "UREMIA",
                    "LOSS_OF_MULTIPLE_LIMBS",
                    "FULMINANT_HEPATITIS",
                    "NON_MALIGNANT_INTRACRANIAL_TUMOR",
                    "CHRONIC_LIVER_FAILURE",
                    "ENCEPHALITIS_OR_MENINGITIS_SEQUELAE",
                    "DEEP_COMA",
                    "DEAFNESS",
                    "BLINDNESS",
                    "PARALYSIS",
                    "HEART_VALVE_SURGERY",
                    "ALZHEIMERS_DISEASE",
                    "SEVERE_BRAIN_INJURY",
                    "PARKINSONS_DISEASE",
                    "THIRD_DEGREE_BURNS",
                    "PULMONARY_ARTERIAL_HYPERTENSION",
                    "MOTOR_NEURON_DISEASE",
                    "LOSS_OF_SPEECH",
                    "APLASTIC_ANEMIA",
                    "AORTIC_SURGERY",
                    "CHRONIC_RESPIRATORY_FAILURE",
                    "CROHNS_DISEASE",
                    "ULCERATIVE_COLITIS",
                    "LUPUS_NEPHRITIS",
                    "RHEUMATOID_ARTHRITIS"
                })
        void eachOfTheThirtyCriticalIllnessesPays5000(String disease) {
            assertPaid(
                    claim(
                            BenefitAccount.EMPTY,
                            new Claim(
                                    ClaimType.CRITICAL_ILLNESS,
                                    LocalDate.of(2022, 5, 1),
                                    null,
                                    null,
                                    "CHANGZHOU_GRADE_3",
                                    disease,
                                    null,
                                    Cause.ILLNESS,
                                    Set.of(),
                                    null)),
                    "5000.00");
        }

        @ParameterizedTest
        @ValueSource(strings = {"COVID19", "BREAST_CANCER", "HEART_VALVE_REPLACEMENT", "WUJIN_30_CRITICAL_ILLNESSES"})
        void anIllnessOffTheListIsNotCovered(String disease) {
            assertRejected(
                    claim(
                            BenefitAccount.EMPTY,
                            new Claim(
                                    ClaimType.CRITICAL_ILLNESS,
                                    LocalDate.of(2022, 5, 1),
                                    null,
                                    null,
                                    "CHANGZHOU_GRADE_3",
                                    disease,
                                    null,
                                    Cause.ILLNESS,
                                    Set.of(),
                                    null)),
                    "DISEASE_NOT_COVERED");
        }

        @Test
        void criticalIllnessOncePerYearAtAQualifyingHospital() {
            Claim atGrade2 = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2022, 4, 1),
                    null,
                    null,
                    "CHANGZHOU_GRADE_2",
                    "PARKINSONS_DISEASE",
                    null,
                    Cause.ILLNESS,
                    Set.of(),
                    null);
            Claim atGrade1 = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2022, 4, 1),
                    null,
                    null,
                    "CHANGZHOU_GRADE_1",
                    "PARKINSONS_DISEASE",
                    null,
                    Cause.ILLNESS,
                    Set.of(),
                    null);
            Adjudication first = claim(BenefitAccount.EMPTY, atGrade2);
            assertPaid(first, "5000.00");
            assertRejected(claim(first.accountAfter(), atGrade2), "ALREADY_PAID");
            assertRejected(claim(BenefitAccount.EMPTY, atGrade1), "HOSPITAL_NOT_ELIGIBLE");
            Claim preExisting = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2022, 4, 1),
                    null,
                    null,
                    "CHANGZHOU_GRADE_2",
                    "PARKINSONS_DISEASE",
                    null,
                    Cause.ILLNESS,
                    Set.of("PRE_EXISTING_DISEASE"),
                    null);
            assertRejected(claim(BenefitAccount.EMPTY, preExisting), "EXCLUDED");
        }
    }

    @Nested
    class HuzhouAndGuangdong {
        @Test
        void aMajorDiseasePays3000AndAnAllowanceOf1000AMonthForTheFirstHospitalisationUpToSixMonths() {
            Coverage cover = year("huzhou-major-disease", LocalDate.of(2016, 1, 1));
            Claim diagnosis = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2016, 2, 1),
                    LocalDate.of(2016, 3, 17),
                    45,
                    null,
                    "UREMIA",
                    null,
                    Cause.ILLNESS,
                    Set.of(),
                    null);
            Adjudication first = BenefitEngine.adjudicate(
                    SeedPlans.plan("huzhou-major-disease"), cover, BenefitAccount.EMPTY, diagnosis);
            assertPaid(first, "4500.00");
            Claim longStay = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2016, 2, 1),
                    null,
                    200,
                    null,
                    "UREMIA",
                    null,
                    Cause.ILLNESS,
                    Set.of(),
                    null);
            assertPaid(
                    BenefitEngine.adjudicate(
                            SeedPlans.plan("huzhou-major-disease"), cover, BenefitAccount.EMPTY, longStay),
                    "9000.00");
            assertRejected(
                    BenefitEngine.adjudicate(
                            SeedPlans.plan("huzhou-major-disease"), cover, first.accountAfter(), diagnosis),
                    "ALREADY_PAID");
        }

        @Test
        void theFirstDiagnosisIsPaidOnceInALifeNotOncePerEnrolment() {
            PlanRules huzhou = SeedPlans.plan("huzhou-major-disease");
            Claim diagnosis = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2016, 2, 1),
                    LocalDate.of(2016, 3, 17),
                    45,
                    null,
                    "UREMIA",
                    null,
                    Cause.ILLNESS,
                    Set.of(),
                    null);
            Adjudication first = BenefitEngine.adjudicate(
                    huzhou, year("huzhou-major-disease", LocalDate.of(2016, 1, 1)), BenefitAccount.EMPTY, diagnosis);
            Claim nextYear = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2017, 2, 1),
                    LocalDate.of(2017, 2, 11),
                    10,
                    null,
                    "UREMIA",
                    null,
                    Cause.ILLNESS,
                    Set.of(),
                    null);
            Coverage renewed = year("huzhou-major-disease", LocalDate.of(2017, 1, 1));

            assertThat(huzhou.paysOncePerLifetime()).isTrue();
            assertThat(first.accountAfter().lifetimePayments()).hasSize(2);
            assertRejected(
                    BenefitEngine.adjudicate(
                            huzhou,
                            renewed,
                            BenefitAccount.EMPTY.withPaid(first.accountAfter().lifetimePayments()),
                            nextYear),
                    "ALREADY_PAID");
            assertPaid(BenefitEngine.adjudicate(huzhou, renewed, BenefitAccount.EMPTY, nextYear), "3333.33");
            assertThat(SeedPlans.plan("shaoxing-hospital").paysOncePerLifetime())
                    .isFalse();
        }

        /** Huzhou major disease (seed 001): 3 000 and the allowance for a listed disease (uremia, breast cancer named); neither for another. */
        @ParameterizedTest(name = "{0}")
        @CsvSource({"UREMIA, 4500.00", "BREAST_CANCER, 4500.00", "DEAFNESS, 0", "PARKINSONS_DISEASE, 0"})
        void huzhouLumpSumAndAllowanceOnlyForAListedDisease(String disease, String expected) {
            Coverage cover = year("huzhou-major-disease", LocalDate.of(2016, 1, 1));
            Claim diagnosis = new Claim(
                    ClaimType.CRITICAL_ILLNESS,
                    LocalDate.of(2016, 2, 1),
                    LocalDate.of(2016, 3, 17),
                    45,
                    null,
                    disease,
                    null,
                    Cause.ILLNESS,
                    Set.of(),
                    null);
            Adjudication result = BenefitEngine.adjudicate(
                    SeedPlans.plan("huzhou-major-disease"), cover, BenefitAccount.EMPTY, diagnosis);
            if ("0".equals(expected)) {
                assertRejected(result, "DISEASE_NOT_COVERED");
            } else {
                // 3 000 + 45 days × 1 000 / 30 = 3 000 + 1 500.
                assertPaid(result, expected);
            }
        }

        @Test
        void guangdongReimbursesEightyPercentOfTheCoPay() {
            assertPaid(
                    hospital(
                            "guangdong-2018-hospital",
                            year("guangdong-2018-hospital", LocalDate.of(2018, 1, 1)),
                            BenefitAccount.EMPTY,
                            coPay("1234.56"),
                            3),
                    "987.65");
        }
    }
}
