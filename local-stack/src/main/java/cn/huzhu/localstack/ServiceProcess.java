package cn.huzhu.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its executable jar as a process of its own, configured by environment variables; or, with
 * {@code -Dhuzhu.services=containers}, from its image as a container ({@link ServiceContainer}), which answers the same.
 */
public final class ServiceProcess implements AutoCloseable, Supervisor.Supervised {

    private final String name;
    private final int port;
    /** Null when the service runs as a container. */
    private final Process process;
    /** Null when the service runs as a process. */
    private final ServiceContainer container;

    private final Path log;
    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    private ServiceProcess(
            String name,
            int port,
            Process process,
            ServiceContainer container,
            Path log,
            Path jar,
            Map<String, String> environment,
            List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.container = container;
        this.log = log;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** JVM options for a quick start: services of the local run and of tests are short-lived and small. */
    public static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> environment, Path log, List<String> jvmOptions) {
        return start(name, jar, port, environment, log, jvmOptions, false);
    }

    /** The same service started again (after it died), its output appended to the same log. */
    public ServiceProcess restart() {
        removeContainer();
        return start(name, jar, port, environment, log, jvmOptions, true);
    }

    /** The same service started again with these settings changed (a rehearsal moving its business date on, for example). */
    public ServiceProcess restart(Map<String, String> changed) {
        Map<String, String> settings = new java.util.HashMap<>(environment);
        settings.putAll(changed);
        removeContainer();
        return start(name, jar, port, settings, log, jvmOptions, true);
    }

    /** The exit code of a process that has ended, or null while it runs. */
    public Integer exitCode() {
        if (container != null) {
            return container.exitCode();
        }
        return process.isAlive() ? null : process.exitValue();
    }

    /** A container that has ended is removed before the service starts again. */
    private void removeContainer() {
        if (container != null && !container.isAlive()) {
            container.close();
        }
    }

    private static ServiceProcess start(
            String name,
            Path jar,
            int port,
            Map<String, String> environment,
            Path log,
            List<String> jvmOptions,
            boolean appendLog) {
        if (ServiceContainer.selected()) {
            Map<String, String> settings = new java.util.HashMap<>(environment);
            settings.put("PORT", Integer.toString(port));
            settings.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new ServiceProcess(
                    name,
                    port,
                    null,
                    ServiceContainer.start(name, jar, settings, log, jvmOptions, appendLog),
                    log,
                    jar,
                    environment,
                    jvmOptions);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No jar for " + name + " at " + jar + "; build it first (./mvnw -DskipTests package)");
        }
        try {
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>();
            command.add(java);
            // a service out of memory stops (and is started again) rather than going on half alive; its heap is kept to
            // look at
            command.addAll(List.of(
                    "-XX:+ExitOnOutOfMemoryError",
                    "-XX:+HeapDumpOnOutOfMemoryError",
                    "-XX:HeapDumpPath=" + log.getParent().resolve(name + ".hprof")));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            appendLog
                                    ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                    : ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new ServiceProcess(name, port, builder.start(), null, log, jar, environment, jvmOptions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Ports this JVM has handed out: the system gives a port just closed again soon, and services start side by side. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on now and that this JVM has not handed out before, for a service (or server) started next.
     * Another process may still take it first; {@link #awaitHealthy} then tells.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No port left that this JVM has not handed out already");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The process id on this host (a container's main process too). */
    public long pid() {
        return container != null ? container.pid() : process.pid();
    }

    public boolean isAlive() {
        return container != null ? container.isAlive() : process.isAlive();
    }

    /** Waits until actuator health says UP. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + exitCode() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    if (PortOwner.heldBy(port, pid()).orElse(true)) {
                        return this;
                    }
                    throw new IllegalStateException(name + " is not the one answering: another process listens on port "
                            + port + " (it took the port first; " + name + " cannot bind it); see " + log);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    /** Whether the service answers its liveness probe (UP within two seconds), as a Kubernetes liveness probe asks. */
    public boolean live() {
        try {
            HttpResponse<String> health = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hook runs, nothing is flushed. */
    public void kill() {
        if (container != null) {
            container.kill();
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes the process (SIGSTOP): it holds its sockets and answers nothing, as a process stuck in a long pause would. */
    public void freeze() {
        if (container != null) {
            container.freeze();
            return;
        }
        signal("STOP");
    }

    /** Lets a frozen process run again (SIGCONT). */
    public void resume() {
        if (container != null) {
            container.resume();
            return;
        }
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the service as an operator would (SIGTERM, graceful shutdown), forcibly after 30 s. */
    @Override
    public void close() {
        if (container != null) {
            container.close();
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
