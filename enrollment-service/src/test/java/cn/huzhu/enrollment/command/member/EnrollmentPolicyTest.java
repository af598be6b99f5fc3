package cn.huzhu.enrollment.command.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.config.PlanCatalogueLoader;
import cn.huzhu.identity.Gender;
import cn.huzhu.vocabulary.Payer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the enrolment rules, named in {@link EnrollmentPolicy#RULES}, refusing a request of the seed plans that breaks
 * it and nothing before it; a rule added without a case here fails {@link #everyRuleHasACase()}.
 */
class EnrollmentPolicyTest {

    static final PlanCatalogueLoader CATALOG = PlanCatalogueLoader.load();
    static final MemberProfile WOMAN =
            new MemberProfile(MemberCategory.IN_SERVICE, Gender.FEMALE, false, false, false, false, false);
    static final MemberProfile MAN =
            new MemberProfile(MemberCategory.IN_SERVICE, Gender.MALE, false, false, false, false, false);
    static final LocalDate SPRING_2020 = LocalDate.of(2020, 3, 1);

    record Case(
            String code,
            MemberProfile member,
            List<HeldEnrollment> held,
            EnrollmentPolicy.Request request,
            LocalDate today) {
        @Override
        public String toString() {
            return code;
        }
    }

    static EnrollmentPolicy.Request asks(
            String planId, int shares, Integer termYears, LocalDate effective, Payer payer) {
        return new EnrollmentPolicy.Request(planId, shares, termYears, effective, payer, false, null, null, false);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "EFFECTIVE_DATE_TOO_FAR",
                        WOMAN,
                        List.of(),
                        asks("ningbo-2020-women", 1, 1, SPRING_2020.plusDays(367), Payer.MEMBER),
                        SPRING_2020),
                new Case(
                        "CATEGORY_NOT_ELIGIBLE",
                        MAN,
                        List.of(),
                        asks("ningbo-2020-retiree-hospital", 1, null, null, Payer.MEMBER),
                        SPRING_2020),
                new Case(
                        "GENDER_NOT_ELIGIBLE",
                        MAN,
                        List.of(),
                        asks("ningbo-2020-women", 1, 1, null, Payer.MEMBER),
                        SPRING_2020),
                // Wujin's plan is for holders of the union's service card (seed: 持服务卡)
                new Case(
                        "REQUIREMENT_NOT_MET",
                        MAN,
                        List.of(),
                        asks("wujin-2022", 1, null, null, Payer.MEMBER),
                        LocalDate.of(2021, 11, 1)),
                new Case(
                        "GROUP_ONLY_PLAN",
                        MAN,
                        List.of(),
                        asks("quzhou-2020-hospital", 1, null, null, Payer.MEMBER),
                        LocalDate.of(2019, 10, 15)),
                new Case(
                        "INVALID_SHARES",
                        WOMAN,
                        List.of(),
                        asks("ningbo-2020-women", 0, 1, null, Payer.MEMBER),
                        SPRING_2020),
                new Case(
                        "TOO_MANY_SHARES",
                        WOMAN,
                        List.of(),
                        asks("ningbo-2020-women", 4, 1, null, Payer.MEMBER),
                        SPRING_2020),
                new Case(
                        "TERM_NOT_OFFERED",
                        WOMAN,
                        List.of(),
                        asks("ningbo-2020-women", 1, 2, null, Payer.MEMBER),
                        SPRING_2020),
                // Quzhou's cover runs to 31 December 2020 whatever the day of enrolment
                new Case(
                        "COVERAGE_PERIOD_OVER",
                        MAN,
                        List.of(),
                        asks("quzhou-2020-hospital", 1, null, null, Payer.UNIT),
                        LocalDate.of(2021, 1, 5)),
                new Case(
                        "OUTSIDE_ENROLLMENT_WINDOW",
                        WOMAN,
                        List.of(),
                        asks("ningbo-2020-women", 1, 1, null, Payer.MEMBER),
                        LocalDate.of(2020, 11, 15)),
                new Case(
                        "SHARES_EXCEEDED",
                        WOMAN,
                        List.of(new HeldEnrollment(
                                "e-0",
                                "ningbo-2020-women",
                                2,
                                LocalDate.of(2020, 2, 1),
                                LocalDate.of(2024, 1, 31),
                                true)),
                        asks("ningbo-2020-women", 2, 1, null, Payer.MEMBER),
                        SPRING_2020));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleRefusesTheRequestThatBreaksIt(Case c) {
        assertThatThrownBy(() -> EnrollmentPolicy.decide(CATALOG, c.member(), c.held(), c.request(), c.today()))
                .isInstanceOfSatisfying(
                        EnrollmentRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(c.code()));
    }

    @Test
    void everyRuleHasACase() {
        assertThat(cases().map(Case::code).collect(Collectors.toList()))
                .containsExactlyElementsOf(EnrollmentPolicy.RULES.stream()
                        .map(r -> r.code().name())
                        .toList());
    }

    @Test
    void aRequestBreakingNoRuleIsDecided() {
        EnrollmentPolicy.Decision decision = EnrollmentPolicy.decide(
                CATALOG, WOMAN, List.of(), asks("ningbo-2020-women", 3, 4, null, Payer.MEMBER), SPRING_2020);
        assertThat(decision.shares()).isEqualTo(3);
        assertThat(decision.coverageStart()).isEqualTo(SPRING_2020);
        assertThat(decision.coverageEnd()).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
