package cn.huzhu.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The one reader of plan definitions: every plan version either service reads (enrolment from the catalogue's files,
 * claims from the definitions enrolment publishes) is parsed here and checked against the catalogue's JSON Schema
 * ({@value #SCHEMA}), so a definition one service refuses the other refuses in the same words. Each service then maps
 * the checked tree to its own model (enrolment's plan version, claims' benefit rules).
 */
public final class PlanDefinition {

    /** The JSON Schema every plan version meets, on the classpath of this module. */
    public static final String SCHEMA = "schemas/plan.schema.json";

    /** The catalogue's table of contents: one plan id per line. */
    public static final String INDEX = "plans/index.txt";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema VALIDATOR = loadSchema();

    private PlanDefinition() {}

    /** Parses a definition and checks it against the schema; refused with every problem found. */
    public static JsonNode read(String definitionJson) {
        JsonNode tree;
        try {
            tree = JSON.readTree(definitionJson);
        } catch (JsonProcessingException e) {
            throw new InvalidPlanException(List.of("not JSON: " + e.getOriginalMessage()));
        }
        return check(tree);
    }

    /** Checks a parsed definition against the schema and answers it; refused with every problem found. */
    public static JsonNode check(JsonNode tree) {
        List<String> problems = problems(tree);
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return tree;
    }

    /** What the schema finds wrong with a definition, each with where it is ("$.benefits[2].type: ..."); empty when none. */
    public static List<String> problems(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return List.of("a plan version is a JSON object");
        }
        return VALIDATOR.validate(tree).stream().map(Error::toString).sorted().toList();
    }

    /** The catalogue's plans, as its table of contents ({@value #INDEX}, kept equal to the plan folders by its test) lists them. */
    public static List<String> planIds() {
        try (InputStream in = PlanDefinition.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("The plan catalogue's index " + INDEX + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(id -> !id.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + INDEX, e);
        }
    }

    /**
     * The file of a plan version in the catalogue ({@code plans/<planId>/v<version>.json} on the classpath), as written;
     * empty when the catalogue has no such version.
     */
    public static Optional<String> file(String planId, int version) {
        String name = fileName(planId, version);
        try (InputStream in = PlanDefinition.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    /** The newest version of a plan in the catalogue (versions are numbered from 1 without gaps); 0 when there is none. */
    public static int newestVersion(String planId) {
        int version = 0;
        while (PlanDefinition.class.getClassLoader().getResource(fileName(planId, version + 1)) != null) {
            version++;
        }
        return version;
    }

    private static String fileName(String planId, int version) {
        return "plans/" + planId + "/v" + version + ".json";
    }

    private static Schema loadSchema() {
        try (InputStream in = PlanDefinition.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("The plan schema " + SCHEMA + " is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plan schema " + SCHEMA, e);
        }
    }
}
