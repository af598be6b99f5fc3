package cn.huzhu.enrollment.command.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.enrollment.command.member.EnrollmentPolicy;
import cn.huzhu.enrollment.command.member.FundingShare;
import cn.huzhu.enrollment.command.member.MemberProfile;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.config.PlanCatalogueLoader;
import cn.huzhu.identity.Gender;
import cn.huzhu.vocabulary.Payer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jiangshan 2020's unit incentives (seed 004, section 六) against the real catalogue, and the funding they produce. */
class UnitIncentivePolicyTest {

    static final PlanCatalogueLoader CATALOG = PlanCatalogueLoader.load();
    static final PlanVersion QUZHOU = CATALOG.versionOn("quzhou-2020-hospital", LocalDate.of(2019, 10, 15))
            .orElseThrow();
    static final UnitDirectory.UnitFacts NON_PUBLIC =
            new UnitDirectory.UnitFacts("u-1", "江山", UnitNature.NON_PUBLIC, 120);
    static final UnitDirectory.UnitFacts PUBLIC = new UnitDirectory.UnitFacts("u-2", "江山", UnitNature.PUBLIC, 120);

    static UnitTerms terms(
            UnitDirectory.UnitFacts unit, Map<Integer, UnitIncentivePolicy.PayoutRecord> history, int enrolled) {
        return UnitIncentivePolicy.terms(QUZHOU, unit, 2020, year -> Optional.ofNullable(history.get(year)), enrolled);
    }

    static Map<Integer, UnitIncentivePolicy.PayoutRecord> in2018(int enrolled, String ratio) {
        return Map.of(2018, new UnitIncentivePolicy.PayoutRecord(2018, enrolled, new BigDecimal(ratio)));
    }

    @Test
    void theCorrectedVersionsSupersedeTheFirst() {
        assertThat(QUZHOU.version()).isEqualTo(3);
        assertThat(QUZHOU.unitIncentives()).isNotNull();
    }

    @Test
    void unitsWithAtLeastHundredEnrolledTwoYearsEarlierAndARatioBelowHalfRenewAtForty() {
        assertThat(terms(PUBLIC, in2018(100, "0.4999"), 100).premiumPerShare()).isEqualByComparingTo("40.00");
        assertThat(terms(PUBLIC, in2018(120, "0.43"), 100).applied())
                .singleElement()
                .asString()
                .startsWith("RENEWAL_DISCOUNT");
    }

    @Test
    void noDiscountBelowHundredEnrolledAtHalfOrAboveOrWithoutTheFiguresOfTwoYearsEarlier() {
        assertThat(terms(PUBLIC, in2018(99, "0.10"), 100).premiumPerShare()).isNull();
        assertThat(terms(PUBLIC, in2018(500, "0.50"), 100).premiumPerShare()).isNull();
        assertThat(terms(PUBLIC, Map.of(), 100).premiumPerShare()).isNull();
        assertThat(terms(
                                PUBLIC,
                                Map.of(2019, new UnitIncentivePolicy.PayoutRecord(2019, 500, new BigDecimal("0.1"))),
                                100)
                        .premiumPerShare())
                .as("the notice looks at 2018 for 2020")
                .isNull();
    }

    @Test
    void nonPublicEnterprisesGetASubsidyPerPersonByTheNumberEnrolled() {
        Map<Integer, String> expected = Map.of(
                1, "7.00", 99, "7.00", 100, "12.00", 299, "12.00", 300, "13.00", 499, "13.00", 500, "15.00", 5000,
                "15.00");
        expected.forEach((enrolled, amount) -> {
            UnitTerms terms = terms(NON_PUBLIC, Map.of(), enrolled);
            assertThat(terms.subsidyPerPerson()).as(enrolled + " enrolled").isEqualByComparingTo(amount);
            assertThat(terms.subsidyPayer()).isEqualTo(Payer.UNION);
        });
        assertThat(terms(PUBLIC, Map.of(), 500).subsidyPerPerson())
                .as("public institutions get none")
                .isZero();
    }

    @Test
    void discountAndSubsidyStack() {
        UnitTerms terms = terms(NON_PUBLIC, in2018(150, "0.35"), 520);
        MemberProfile worker =
                new MemberProfile(MemberCategory.IN_SERVICE, Gender.MALE, false, false, false, false, false);

        EnrollmentPolicy.Decision decision = EnrollmentPolicy.decide(
                CATALOG,
                worker,
                List.of(),
                new EnrollmentPolicy.Request(
                        "quzhou-2020-hospital", 1, null, null, Payer.UNIT, false, terms, null, false),
                LocalDate.of(2019, 10, 15));

        assertThat(decision.premium()).isEqualByComparingTo("40.00");
        assertThat(decision.funding())
                .containsExactly(
                        new FundingShare(Payer.UNION, new BigDecimal("15.00")),
                        new FundingShare(Payer.UNIT, new BigDecimal("25.00")));
        assertThat(decision.incentives()).hasSize(2);
    }

    @Test
    void withoutIncentivesTheUnitPaysTheListPrice() {
        MemberProfile worker =
                new MemberProfile(MemberCategory.IN_SERVICE, Gender.MALE, false, false, false, false, false);

        EnrollmentPolicy.Decision decision = EnrollmentPolicy.decide(
                CATALOG,
                worker,
                List.of(),
                new EnrollmentPolicy.Request(
                        "quzhou-2020-hospital",
                        1,
                        null,
                        null,
                        Payer.UNIT,
                        false,
                        terms(PUBLIC, Map.of(), 10),
                        null,
                        false),
                LocalDate.of(2019, 10, 15));

        assertThat(decision.premium()).isEqualByComparingTo("50.00");
        assertThat(decision.funding()).containsExactly(new FundingShare(Payer.UNIT, new BigDecimal("50.00")));
    }
}
