package cn.huzhu.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every plan file of the catalogue meets the schema and is where its id and version say; a broken definition is refused with where. */
class PlanDefinitionTest {

    static final Path CATALOGUE = Path.of("src", "main", "resources", "plans");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> planFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CATALOGUE)) {
            List<Path> list = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("index.txt"))
                    .sorted()
                    .toList();
            assertThat(list).as("the catalogue's plan files").hasSizeGreaterThanOrEqualTo(10);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planFiles")
    void everyPlanFileMeetsTheSchemaAndIsNamedByItsIdAndVersion(Path file) throws IOException {
        JsonNode plan = PlanDefinition.read(Files.readString(file));
        assertThat(CATALOGUE.relativize(file).toString().replace('\\', '/'))
                .isEqualTo(plan.path("planId").asText() + "/v"
                        + plan.path("version").asInt() + ".json");
    }

    @Test
    void theIndexListsEveryPlanFolderAndNothingElse() throws IOException {
        try (Stream<Path> folders = Files.list(CATALOGUE)) {
            assertThat(PlanDefinition.planIds())
                    .containsExactlyElementsOf(folders.filter(Files::isDirectory)
                            .map(f -> f.getFileName().toString())
                            .sorted()
                            .toList());
        }
    }

    @Test
    void theCatalogueOnTheClasspathHasEveryVersionOfAPlan() {
        assertThat(PlanDefinition.newestVersion("huzhou-major-disease")).isEqualTo(4);
        assertThat(PlanDefinition.newestVersion("no-such-plan")).isZero();
        assertThat(PlanDefinition.file("shaoxing-hospital", 1))
                .hasValueSatisfying(json -> assertThat(json).contains("\"shaoxing-hospital\""));
    }

    static ObjectNode shaoxing() {
        return (ObjectNode)
                PlanDefinition.read(PlanDefinition.file("shaoxing-hospital", 2).orElseThrow());
    }

    @Test
    void aBenefitOfAnUnknownTypeIsRefusedWithWhereItIs() {
        ObjectNode plan = shaoxing();
        ((ObjectNode) plan.path("benefits").get(0)).put("type", "FLAT_RAET");
        assertThatThrownBy(() -> PlanDefinition.check(plan))
                .isInstanceOfSatisfying(
                        InvalidPlanException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.contains("/benefits/0/type")));
    }

    @Test
    void aMisspeltRuleIsRefusedNotIgnored() {
        ObjectNode plan = shaoxing();
        ((ObjectNode) plan.path("benefits").get(0)).put("anualCapPerShare", "50000");
        assertThat(PlanDefinition.problems(plan)).anyMatch(p -> p.contains("anualCapPerShare"));
    }

    @Test
    void anAmountWrittenAsANumberOrWithMoreThanFenIsRefused() {
        ObjectNode plan = shaoxing();
        ((ObjectNode) plan.path("terms").get(0)).put("premiumPerShare", 30.5);
        assertThat(PlanDefinition.problems(plan)).anyMatch(p -> p.contains("/terms/0/premiumPerShare"));
        ((ObjectNode) plan.path("terms").get(0)).put("premiumPerShare", "30.555");
        assertThat(PlanDefinition.problems(plan)).anyMatch(p -> p.contains("/terms/0/premiumPerShare"));
    }

    @Test
    void aRuleMissingWhatItsTypeNeedsIsRefused() {
        ObjectNode plan = shaoxing();
        ObjectNode flatRate = (ObjectNode) plan.path("benefits").get(0);
        assertThat(flatRate.path("type").asText()).isEqualTo("FLAT_RATE");
        flatRate.remove("rate");
        assertThat(PlanDefinition.problems(plan)).anyMatch(p -> p.contains("rate"));
    }

    @Test
    void aFixedPeriodWithoutItsEndAndAPlanWithoutBenefitsAreRefused() {
        ObjectNode plan = shaoxing();
        plan.set("coverage", JSON.createObjectNode().put("type", "FIXED_PERIOD").put("start", "2020-01-01"));
        plan.set("benefits", JSON.createArrayNode());
        List<String> problems = PlanDefinition.problems(plan);
        assertThat(problems).anyMatch(p -> p.contains("/coverage") && p.contains("end"));
        assertThat(problems).anyMatch(p -> p.contains("/benefits"));
    }

    @Test
    void textThatIsNotJsonOrNotAnObjectIsRefused() {
        assertThatThrownBy(() -> PlanDefinition.read("{\"planId\": "))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> PlanDefinition.read("[]")).isInstanceOf(InvalidPlanException.class);
        ArrayNode notAPlan = JSON.createArrayNode();
        assertThat(PlanDefinition.problems(notAPlan)).isNotEmpty();
    }
}
