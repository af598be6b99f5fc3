package cn.huzhu.enrollment.command.roster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.enrollment.config.PlanCatalogueLoader;
import cn.huzhu.identity.IdNumber;
import cn.huzhu.identity.IdNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Quzhou's unit rule (seed 004, 一、参保对象): at least 80 % of the staff in basic insurance, and all of them in a unit of
 * 50 or fewer in-service staff (在职职工人数在50人以下: 以下 includes 50, Civil Code art. 1259).
 */
class GroupRulesTest {

    static final PlanVersion.GroupRules QUZHOU = PlanCatalogueLoader.load()
            .versionOn("quzhou-2020-hospital", LocalDate.of(2019, 10, 15))
            .orElseThrow()
            .groupRules();

    @Test
    void theCatalogueCarriesTheRule() {
        assertThat(QUZHOU.minimumShareOfInsuredStaff()).isEqualByComparingTo("0.80");
        assertThat(QUZHOU.everyoneUpToInServiceStaff()).isEqualTo(50);
    }

    @Test
    void quzhouUnitsOfAtMostFiftyInServiceStaffEnrolEveryoneInBasicInsurance() {
        assertThat(QUZHOU.required(1, 1)).isEqualTo(1);
        assertThat(QUZHOU.required(49, 49)).isEqualTo(49);
        assertThat(QUZHOU.required(50, 50)).as("50 itself is 50人以下").isEqualTo(50);
        assertThat(QUZHOU.required(45, 50))
                .as("counted on in-service staff, required of the insured")
                .isEqualTo(45);
    }

    @Test
    void quzhouLargerUnitsEnrolEightyPercentOfTheInsuredRoundedUp() {
        assertThat(QUZHOU.required(50, 51))
                .as("51 in service: the 80 % rule, though only 50 are insured")
                .isEqualTo(40);
        assertThat(QUZHOU.required(45, 51)).isEqualTo(36);
        assertThat(QUZHOU.required(60, 60)).isEqualTo(48);
        assertThat(QUZHOU.required(101, 120)).as("80.8 people means 81").isEqualTo(81);
        assertThat(QUZHOU.required(5000, 5200)).isEqualTo(4000);
    }

    @Test
    void aRuleWithoutAShareMeansEveryone() {
        assertThat(new PlanVersion.GroupRules(null, null, null).required(70, 70))
                .isEqualTo(70);
        assertThat(new PlanVersion.GroupRules(new BigDecimal("0.5"), null, null).required(7, 7))
                .isEqualTo(4);
    }

    @Test
    void theGenderColumnMustAgreeWithTheIdNumber() {
        IdNumber man = IdNumber.parse(IdNumbers.male(1), LocalDate.of(2026, 1, 1));
        assertThat(RosterPolicy.genderProblem("男", man)).isNull();
        assertThat(RosterPolicy.genderProblem("", man)).isNull();
        assertThat(RosterPolicy.genderProblem(" M ", man)).isNull();
        assertThat(RosterPolicy.genderProblem("女", man)).contains("man");
        assertThat(RosterPolicy.genderProblem("未知", man)).contains("男 or 女");
    }
}
