package cn.huzhu.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services as the build makes them, read from their sources: which module an image is built from, the port a
 * service listens on by default, and the environment variables it reads (placeholders of its application.yml and
 * {@code System.getenv} calls).
 */
final class BuiltServices {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern GETENV =
            Pattern.compile("getenv\\(\\)\\.getOrDefault\\(\"([A-Z][A-Z0-9_]*)\"|getenv\\(\"([A-Z][A-Z0-9_]*)\"\\)");
    private static final Pattern PORT_DEFAULT =
            Pattern.compile("\\$\\{PORT:(\\d+)}|getOrDefault\\(\"PORT\", \"(\\d+)\"\\)");

    /**
     * Variables any service may be given though no placeholder names them: the JVM's own, Axon's, and Spring Boot's
     * relaxed binding of properties (Kafka client properties, the platform's huzhu.kafka.* settings).
     */
    private static final Pattern GENERIC =
            Pattern.compile("JAVA_TOOL_OPTIONS|AXONIQ_UPDATE_CHECKER_DISABLED|POD_NAMESPACE"
                    + "|SPRING_KAFKA_PROPERTIES_[A-Z_]+|HUZHU_KAFKA_[A-Z]+");

    private BuiltServices() {}

    /** The module an image of the platform is built from: its name ({@code huzhu/payout-service} → payout-service). */
    static Path moduleOf(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1).replaceFirst(":.*$", "");
        return ROOT.resolve(name);
    }

    static boolean isPlatformImage(String image) {
        return image.replaceFirst(":[^/]*$", "").matches("(\\$\\{HUZHU_REGISTRY:-huzhu}|huzhu|.*/huzhu)/[a-z-]+");
    }

    /** The port the service listens on when PORT is not set. */
    static int defaultPort(Path module) {
        Matcher m = PORT_DEFAULT.matcher(sources(module));
        if (!m.find()) {
            throw new AssertionError("No default port found in " + module);
        }
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** Every environment variable the service reads. */
    static Set<String> variables(Path module) {
        Set<String> names = new TreeSet<>();
        String text = sources(module);
        Matcher p = PLACEHOLDER.matcher(text);
        while (p.find()) {
            names.add(p.group(1));
        }
        Matcher g = GETENV.matcher(text);
        while (g.find()) {
            names.add(g.group(1) != null ? g.group(1) : g.group(2));
        }
        return names;
    }

    static boolean reads(Path module, String variable) {
        return variables(module).contains(variable) || GENERIC.matcher(variable).matches();
    }

    /** The module's configuration and main sources, as one text. */
    private static String sources(Path module) {
        Path main = module.resolve("src/main");
        if (!Files.isDirectory(main)) {
            throw new AssertionError("No module " + module.getFileName() + " in the build");
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : (Iterable<Path>) files.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".java"))
                    .sorted()::iterator) {
                all.append(Files.readString(f)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
