package cn.huzhu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md against the services: its REST table names every endpoint of the four access matrices and none they do
 * not have (each service's AccessMatrixIT checks its matrix against the endpoints it maps). Path variables are compared
 * by position, not name; {@code {a,b}} in the document stands for each of its alternatives, or for a path variable whose
 * values they are. The dashboard page and the actuator are outside the matrices.
 */
class ApiReferenceTest {

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`\\s?]*)[^`]*`");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\{([^{}]*,[^{}]*)}");

    @Test
    void theReferenceNamesEveryEndpointAndNoOther() throws IOException {
        Set<String> mapped = new TreeSet<>();
        for (String service : List.of("enrollment-service", "claims-service", "payout-service", "reporting-service")) {
            for (String line : Files.readAllLines(
                    BuiltServices.ROOT.resolve(service).resolve("src/test/resources/access-matrix.txt"),
                    StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 2 && !line.startsWith("#")) {
                    mapped.add(fields[0] + " " + normalised(fields[1]));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        String api = Files.readString(BuiltServices.ROOT.resolve("docs/api.md"), StandardCharsets.UTF_8);
        String rest = api.substring(api.indexOf("## REST API"), api.indexOf("## Events (Kafka)"));
        for (String line : rest.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstColumn = line.substring(1, line.indexOf(" | ", 1));
            Matcher endpoint = ENDPOINT.matcher(firstColumn);
            while (endpoint.find()) {
                String method = endpoint.group(1);
                String path = endpoint.group(2);
                if (!path.startsWith("/api/")) {
                    continue; // the dashboard page and the actuator are outside the matrices
                }
                List<String> each = expand(path).stream()
                        .map(p -> method + " " + normalised(p))
                        .toList();
                // {a,b} where the service maps a variable ({name}) names that variable's values
                String asVariable =
                        method + " " + normalised(ALTERNATIVES.matcher(path).replaceAll("{}"));
                documented.addAll(
                        mapped.containsAll(each) || !mapped.contains(asVariable) ? each : List.of(asVariable));
            }
        }

        assertThat(mapped).as("endpoints mapped").hasSizeGreaterThan(50);
        assertThat(documented)
                .as("endpoints docs/api.md names that no service maps")
                .isSubsetOf(mapped);
        assertThat(mapped).as("endpoints docs/api.md does not name").isSubsetOf(documented);
    }

    private static List<String> expand(String path) {
        Matcher group = ALTERNATIVES.matcher(path);
        if (!group.find()) {
            return List.of(path);
        }
        List<String> paths = new ArrayList<>();
        for (String alternative : group.group(1).split(",")) {
            paths.addAll(expand(path.substring(0, group.start()) + alternative + path.substring(group.end())));
        }
        return paths;
    }

    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
