package cn.huzhu.claims.engine;

import cn.huzhu.claims.plans.PlanRulesReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The seed plans as the catalogue defines them (enrollment-service's plan files, the newest version of each). */
final class SeedPlans {

    static final Path CATALOGUE = Path.of("..", "enrollment-service", "src", "main", "resources", "plans");

    private SeedPlans() {
    }

    static PlanRules plan(String planId) {
        try (Stream<Path> versions = Files.list(CATALOGUE.resolve(planId))) {
            Path newest = versions.filter(p -> p.getFileName().toString().matches("v\\d+\\.json"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .orElseThrow();
            return PlanRulesReader.read(Files.readString(newest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
