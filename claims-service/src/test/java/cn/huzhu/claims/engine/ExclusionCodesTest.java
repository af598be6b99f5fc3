package cn.huzhu.claims.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExclusionCodesTest {

    @Test
    void theVocabularyIsEveryExclusionTheCataloguesPlansName() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> plans = Files.list(SeedPlans.CATALOGUE)) {
            for (Path plan : plans.toList()) {
                collect(new ObjectMapper().readTree(Files.readString(SeedPlans.newest(plan))), named);
            }
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
