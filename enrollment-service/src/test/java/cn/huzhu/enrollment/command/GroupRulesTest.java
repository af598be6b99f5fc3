package cn.huzhu.enrollment.command;

import cn.huzhu.identity.IdNumbers;

import cn.huzhu.identity.IdNumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Quzhou's unit rule as the catalogue states it: at least 80 % of the staff in basic insurance, everyone under 50. */
class GroupRulesTest {

    static final PlanVersion.GroupRules QUZHOU = MemberAggregateTest.CATALOG.versionOn("quzhou-2020-hospital", LocalDate.of(2020, 6, 1))
            .orElseThrow().groupRules();

    @Test
    void theCatalogueCarriesTheRule() {
        assertThat(QUZHOU.minimumShareOfInsuredStaff()).isEqualByComparingTo("0.80");
        assertThat(QUZHOU.everyoneBelowHeadcount()).isEqualTo(50);
    }

    @Test
    void unitsUnderFiftyEnrolEveryone() {
        assertThat(QUZHOU.required(1)).isEqualTo(1);
        assertThat(QUZHOU.required(10)).isEqualTo(10);
        assertThat(QUZHOU.required(49)).isEqualTo(49);
    }

    @Test
    void largerUnitsEnrolEightyPercentRoundedUp() {
        assertThat(QUZHOU.required(50)).isEqualTo(40);
        assertThat(QUZHOU.required(60)).isEqualTo(48);
        assertThat(QUZHOU.required(101)).as("80.8 people means 81").isEqualTo(81);
        assertThat(QUZHOU.required(5000)).isEqualTo(4000);
    }

    @Test
    void aRuleWithoutAShareMeansEveryone() {
        assertThat(new PlanVersion.GroupRules(null, 0).required(70)).isEqualTo(70);
        assertThat(new PlanVersion.GroupRules(new BigDecimal("0.5"), 0).required(7)).isEqualTo(4);
    }

    @Test
    void theGenderColumnMustAgreeWithTheIdNumber() {
        IdNumber man = IdNumber.parse(IdNumbers.male(1), LocalDate.of(2026, 1, 1));
        assertThat(RosterHandler.genderProblem("男", man)).isNull();
        assertThat(RosterHandler.genderProblem("", man)).isNull();
        assertThat(RosterHandler.genderProblem(" M ", man)).isNull();
        assertThat(RosterHandler.genderProblem("女", man)).contains("man");
        assertThat(RosterHandler.genderProblem("未知", man)).contains("男 or 女");
    }
}
