package cn.huzhu.enrollment.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.command.plan.PlanVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which plan version is in force on a date (ADR 0024): the highest-numbered one that started on or before it. */
class PlanVersionsTest {

    static final PlanCatalogueLoader CATALOGUE = PlanCatalogueLoader.load();
    static final PlanVersion SHAOXING = CATALOGUE.allVersions().stream()
            .filter(v -> v.planId().equals("shaoxing-hospital") && v.version() == 1)
            .findFirst()
            .orElseThrow();

    static PlanVersion version(int number, String validFrom) {
        PlanVersion v = SHAOXING;
        return new PlanVersion(
                v.planId(),
                number,
                v.name(),
                v.region(),
                LocalDate.parse(validFrom),
                v.eligibility(),
                v.terms(),
                v.maxShares(),
                v.coverage(),
                v.windows(),
                v.renewalsOutsideWindow(),
                v.waiting(),
                v.gifts(),
                v.funding(),
                v.groupRules(),
                v.unitIncentives(),
                v.giftRule(),
                v.definitionJson());
    }

    static Optional<Integer> inForce(PlanCatalogueLoader catalogue, String date) {
        return catalogue.versionOn("shaoxing-hospital", LocalDate.parse(date)).map(PlanVersion::version);
    }

    @Test
    void anAmendmentAppliesFromItsDateAndTheVersionBeforeItUntilThen() {
        PlanCatalogueLoader catalogue =
                PlanCatalogueLoader.of(List.of(version(1, "2020-01-01"), version(2, "2021-01-01")));

        assertThat(inForce(catalogue, "2019-12-31")).isEmpty();
        assertThat(inForce(catalogue, "2020-01-01")).contains(1);
        assertThat(inForce(catalogue, "2020-12-31")).contains(1);
        assertThat(inForce(catalogue, "2021-01-01")).contains(2);
    }

    @Test
    void aCorrectionWithItsPredecessorsDateSupersedesItOnEveryDate() {
        PlanCatalogueLoader catalogue =
                PlanCatalogueLoader.of(List.of(version(1, "2020-01-01"), version(2, "2020-01-01")));

        assertThat(inForce(catalogue, "2020-01-01")).contains(2);
        assertThat(inForce(catalogue, "2030-01-01")).contains(2);
    }

    @Test
    void aCorrectionMayReachBackBeforeItsPredecessor() {
        PlanCatalogueLoader catalogue =
                PlanCatalogueLoader.of(List.of(version(1, "2020-01-01"), version(2, "2019-09-01")));

        assertThat(inForce(catalogue, "2019-08-31")).isEmpty();
        assertThat(inForce(catalogue, "2019-10-01")).contains(2);
        assertThat(inForce(catalogue, "2020-06-01"))
                .as("the correction, not the version it corrects")
                .contains(2);
    }

    @Test
    void theCataloguesCorrectionsAreInForce() {
        assertThat(CATALOGUE
                        .versionOn("huzhou-major-disease", LocalDate.of(2016, 2, 1))
                        .map(PlanVersion::version))
                .contains(4);
        assertThat(CATALOGUE
                        .versionOn("shaoxing-hospital", LocalDate.of(2016, 2, 1))
                        .map(PlanVersion::version))
                .contains(2);
        assertThat(CATALOGUE.versionOn("wujin-2022", LocalDate.of(2021, 11, 1)).map(PlanVersion::version))
                .contains(3);
    }
}
