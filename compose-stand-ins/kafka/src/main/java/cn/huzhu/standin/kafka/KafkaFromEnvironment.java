package cn.huzhu.standin.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import kafka.tools.StorageTool;

/**
 * A Kafka broker configured as the apache/kafka image configures one: every {@code KAFKA_*} variable but the JVM's
 * becomes a property ({@code KAFKA_LISTENER_SECURITY_PROTOCOL_MAP} is {@code listener.security.protocol.map};
 * {@code ___} stands for a dash and {@code __} for an underscore), {@code CLUSTER_ID} formats each log directory that has
 * not been formatted yet, and the broker then runs as {@code kafka.Kafka} with that file.
 */
public final class KafkaFromEnvironment {

    /** Variables the image's scripts read themselves; they are not broker properties. */
    private static final Set<String> NOT_PROPERTIES = Set.of(
            "KAFKA_HEAP_OPTS",
            "KAFKA_OPTS",
            "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS",
            "KAFKA_LOG4J_LOGGERS",
            "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_TOOLS_LOG4J_LOGLEVEL",
            "KAFKA_VERSION",
            "KAFKA_DEBUG",
            "KAFKA_HOME");

    private KafkaFromEnvironment() {}

    public static void main(String[] args) throws IOException {
        Properties properties = properties(System.getenv());
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "from the KAFKA_* environment");
        }
        String clusterId = System.getenv("CLUSTER_ID");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException(
                    "CLUSTER_ID is not set: it formats the broker's log directory on its first start");
        }
        format(clusterId, file);
        kafka.Kafka.main(new String[] {file.toString()});
    }

    /** The broker properties the environment gives, sorted by name. */
    static Properties properties(Map<String, String> environment) {
        Properties properties = new Properties();
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_PROPERTIES.contains(name)) {
                properties.setProperty(propertyName(name), value);
            }
        });
        return properties;
    }

    static String propertyName(String variable) {
        return variable.substring("KAFKA_".length())
                .toLowerCase(java.util.Locale.ROOT)
                .replace("___", "-")
                .replace("__", "@")
                .replace('_', '.')
                .replace('@', '_');
    }

    private static void format(String clusterId, Path file) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", file.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        System.out.print(output.toString(StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting the log directories failed (" + status + ")");
        }
    }
}
