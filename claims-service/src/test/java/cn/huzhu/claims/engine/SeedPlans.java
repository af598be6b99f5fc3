package cn.huzhu.claims.engine;

import cn.huzhu.claims.plans.PlanRulesReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The seed plans as the catalogue defines them (enrollment-service's plan files, the newest version of each). */
public final class SeedPlans {

    static final Path CATALOGUE = Path.of("..", "enrollment-service", "src", "main", "resources", "plans");

    private SeedPlans() {
    }

    public static PlanRules plan(String planId) {
        try {
            return PlanRulesReader.read(Files.readString(newest(CATALOGUE.resolve(planId))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest version's file of a plan's folder. */
    static Path newest(Path plan) throws IOException {
        try (Stream<Path> versions = Files.list(plan)) {
            return versions.filter(p -> p.getFileName().toString().matches("v\\d+\\.json"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .orElseThrow();
        }
    }
}
