package cn.huzhu.claims.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.plans.PlanDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DiseaseCodesTest {

    @Test
    void everyDiseaseTheCataloguesPlansNameIsInTheVocabulary() throws IOException {
        Set<String> named = new TreeSet<>();
        for (String plan : PlanDefinition.planIds()) {
            collect(
                    PlanDefinition.read(PlanDefinition.file(plan, PlanDefinition.newestVersion(plan))
                            .orElseThrow()),
                    named);
        }

        assertThat(named).hasSizeGreaterThan(30);
        assertThat(DiseaseCodes.all().keySet()).containsAll(named);
        assertThat(DiseaseCodes.all().keySet())
                .as("nothing listed that no plan names")
                .containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void theVocabularyIsTheDocumentedTable() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("..", "docs", "disease-codes.md")).stream()
                .filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(3, line.indexOf('`', 3)))
                .toList();

        assertThat(documented).containsExactlyElementsOf(DiseaseCodes.all().keySet());
    }

    /** Codes under "diseases", "excludingDiseases" and "timeBoxedDiseases[].disease", wherever they are in the definition. */
    private static void collect(JsonNode node, Set<String> codes) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("diseases") || field.getKey().equals("excludingDiseases")) {
                field.getValue().forEach(code -> codes.add(code.asText()));
            } else if (field.getKey().equals("disease")) {
                codes.add(field.getValue().asText());
            }
        });
        node.forEach(child -> {
            if (child.isContainerNode()) {
                collect(child, codes);
            }
        });
    }
}
