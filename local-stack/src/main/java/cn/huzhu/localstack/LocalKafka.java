package cn.huzhu.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller) running in this JVM.
 * The log directory is formatted on first start; with a persistent directory the topics survive restarts.
 */
public final class LocalKafka implements AutoCloseable {

    private final int port;
    private final Path logDir;
    private final boolean temporary;
    private final Properties config;
    private KafkaRaftServer server;

    private LocalKafka(KafkaRaftServer server, int port, Path logDir, boolean temporary, Properties config) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
        this.temporary = temporary;
        this.config = config;
    }

    /**
     * @param port   broker port, 0 for any free port (the controller takes another free port)
     * @param logDir null for a throw-away directory
     */
    public static LocalKafka start(int port, Path logDir) {
        try {
            boolean temporary = logDir == null;
            Path dir = temporary ? Files.createTempDirectory("huzhu-kafka") : logDir;
            Files.createDirectories(dir);
            int brokerPort = port > 0 ? port : ServiceProcess.freePort();
            int controllerPort = ServiceProcess.freePort();
            Properties props = config(brokerPort, controllerPort, dir);
            Path propsFile = dir.resolveSibling(dir.getFileName() + ".properties");
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                props.store(out, "single-node KRaft broker of the local stack");
            }
            format(dir, propsFile);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            return new LocalKafka(server, brokerPort, dir, temporary, props);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static Properties config(int brokerPort, int controllerPort, Path dir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dir.toAbsolutePath().toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created by the services with explicit partitions and retention.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "6");
        props.put("log.flush.interval.messages", "10000");
        return props;
    }

    private static void format(Path dir, Path propsFile) {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                new String[] {
                    "format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString(), "--ignore-formatted"
                },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException(
                    "Formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Stops the broker as a crash of its host would leave it to clients (connections refused); its log is kept. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the stopped broker again on the same ports and log directory: the topics, records and offsets are as they were. */
    public synchronized void startAgain() {
        if (server == null) {
            KafkaRaftServer again = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            again.startup();
            server = again;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
