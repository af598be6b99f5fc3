package cn.huzhu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's health is only its own: when another process answers on the port a service was given (it took the port
 * first, and the service will fail to bind), waiting for the service's health must fail, not report the other one healthy.
 */
class ServiceProcessPortTest {

    /** A "service" that starts and never listens, as one does while it is still starting or after it failed to bind. */
    public static final class NeverListens {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(120_000);
        }
    }

    @TempDir
    Path directory;

    @Test
    @EnabledOnOs(OS.LINUX)
    void aHealthyAnswerFromAnotherProcessOnTheServicePortIsNotTheServiceBeingHealthy() throws IOException {
        int port = ServiceProcess.freePort();
        HttpServer impostor = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        impostor.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        impostor.start();
        try (ServiceProcess service = ServiceProcess.start(
                "never-listens",
                jarRunning(NeverListens.class),
                port,
                Map.of(),
                directory.resolve("never-listens.log"),
                List.of())) {
            assertThat(PortOwner.heldBy(port, ProcessHandle.current().pid()))
                    .as("the impostor is this JVM")
                    .isEqualTo(Optional.of(true));
            assertThat(PortOwner.heldBy(port, service.pid())).isEqualTo(Optional.of(false));

            assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(10)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("never-listens")
                    .hasMessageContaining("another process listens on port " + port);
        } finally {
            impostor.stop(0);
        }
    }

    @Test
    void theSameJvmIsNeverGivenOnePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            assertThat(ports.add(ServiceProcess.freePort()))
                    .as("port handed out before")
                    .isTrue();
        }
    }

    /** An executable jar whose main class is {@code main}, loaded from this module's test classes. */
    private Path jarRunning(Class<?> main) throws IOException {
        Path classes;
        try {
            classes = Path.of(
                    main.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        manifest.getMainAttributes()
                .put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = directory.resolve("never-listens.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }
}
