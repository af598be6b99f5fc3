package cn.huzhu.system;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The services started from their executable jars against the test JVM's PostgreSQL and Kafka. */
final class RunningPlatform implements AutoCloseable {

    final LocalStack stack = LocalStack.shared();
    final ServiceProcess enrollment;
    final ServiceProcess reporting;

    RunningPlatform(Path logs) {
        this(logs, ServiceProcess.QUICK_START);
    }

    RunningPlatform(Path logs, List<String> jvmOptions) {
        Path root = Path.of(System.getProperty("huzhu.root", "..")).toAbsolutePath().normalize();
        enrollment = start(root, logs, "enrollment-service", "enrollment", jvmOptions);
        try {
            reporting = start(root, logs, "reporting-service", "reporting", jvmOptions);
            enrollment.awaitHealthy(Duration.ofMinutes(3));
            reporting.awaitHealthy(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ServiceProcess start(Path root, Path logs, String name, String database, List<String> jvmOptions) {
        return ServiceProcess.start(name, root.resolve(name).resolve("target").resolve(name + "-exec.jar"), freePort(),
                Map.of("DATABASE_URL", stack.jdbcUrl(database), "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers()),
                logs.resolve(name + ".log"), jvmOptions);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (reporting != null) {
            reporting.close();
        }
        if (enrollment != null) {
            enrollment.close();
        }
    }
}
