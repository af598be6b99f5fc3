package cn.huzhu.claims.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.plans.PlanDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExclusionCodesTest {

    @Test
    void theVocabularyIsEveryExclusionTheCataloguesPlansName() throws IOException {
        Set<String> named = new TreeSet<>();
        for (String plan : PlanDefinition.planIds()) {
            collect(
                    PlanDefinition.read(PlanDefinition.file(plan, PlanDefinition.newestVersion(plan))
                            .orElseThrow()),
                    named);
        }

        assertThat(named).isNotEmpty();
        assertThat(ExclusionCodes.all()).containsExactlyElementsOf(named);
    }

    /** Codes under "exclusions" and "criticalIllnessExclusions", wherever they are in the definition. */
    private static void collect(JsonNode node, Set<String> codes) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("exclusions") || field.getKey().equals("criticalIllnessExclusions")) {
                field.getValue().forEach(code -> codes.add(code.asText()));
            }
        });
        node.forEach(child -> {
            if (child.isContainerNode()) {
                collect(child, codes);
            }
        });
    }
}
