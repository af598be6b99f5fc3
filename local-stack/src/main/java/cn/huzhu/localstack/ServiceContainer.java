package cn.huzhu.localstack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.IsRunningStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A service run from its image ({@code huzhu/<service>:<version>}, loaded from the build's tar) instead of its jar, with
 * the same environment and port, on the host's network: it reaches the test's PostgreSQL, Kafka and token issuer on
 * 127.0.0.1 as the process would, and nothing else. Its output goes to the same log file. SIGKILL, pause (the cgroup
 * freezer, as SIGSTOP) and SIGTERM act on the container.
 */
final class ServiceContainer {

    /** {@code -Dhuzhu.services=containers} runs the services this way. */
    static boolean selected() {
        return "containers".equals(System.getProperty("huzhu.services", System.getenv("HUZHU_SERVICES")));
    }

    private final GenericContainer<?> container;
    private final String id;

    private ServiceContainer(GenericContainer<?> container) {
        this.container = container;
        this.id = container.getContainerId();
    }

    static ServiceContainer start(
            String name,
            Path jar,
            Map<String, String> environment,
            Path log,
            List<String> jvmOptions,
            boolean appendLog) {
        Path tar = jar.getParent().resolve("image").resolve(name + ".tar");
        String version = System.getProperty("huzhu.version", "0.1.0-SNAPSHOT");
        DockerClient docker = org.testcontainers.DockerClientFactory.instance().client();
        String image = "huzhu/" + name + ":" + version;
        if (docker.listImagesCmd().withImageNameFilter(image).exec().isEmpty()) {
            if (!Files.isRegularFile(tar)) {
                throw new IllegalStateException("No image of " + name + " at " + tar
                        + "; build it first (./mvnw -Pimages -DskipTests install)");
            }
            try (var in = Files.newInputStream(tar)) {
                docker.loadImageCmd(in).exec();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        OutputStream out;
        try {
            Files.createDirectories(log.getParent());
            out = Files.newOutputStream(
                    log,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    appendLog ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withEnv(environment)
                .withEnv("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions))
                .withStartupCheckStrategy(new IsRunningStartupCheckStrategy())
                // health is awaited over HTTP by ServiceProcess, as for a process
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {}
                })
                .withLogConsumer((OutputFrame frame) -> {
                    try {
                        synchronized (out) {
                            out.write(frame.getBytes() == null ? new byte[0] : frame.getBytes());
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the log is for reading after the fact; a failed write loses lines, not the run
                    }
                });
        container.start();
        return new ServiceContainer(container);
    }

    private InspectContainerResponse.ContainerState state() {
        return container.getDockerClient().inspectContainerCmd(id).exec().getState();
    }

    boolean isAlive() {
        return Boolean.TRUE.equals(state().getRunning());
    }

    Integer exitCode() {
        InspectContainerResponse.ContainerState state = state();
        return Boolean.TRUE.equals(state.getRunning())
                ? null
                : state.getExitCodeLong().intValue();
    }

    long pid() {
        return state().getPidLong();
    }

    void kill() {
        if (isAlive()) {
            container
                    .getDockerClient()
                    .killContainerCmd(id)
                    .withSignal("SIGKILL")
                    .exec();
        }
    }

    void freeze() {
        container.getDockerClient().pauseContainerCmd(id).exec();
    }

    void resume() {
        container.getDockerClient().unpauseContainerCmd(id).exec();
    }

    /** SIGTERM, then SIGKILL after 30 s, as for the process; the container is removed. */
    void close() {
        try {
            if (Boolean.TRUE.equals(state().getPaused())) {
                resume();
            }
            if (isAlive()) {
                container.getDockerClient().stopContainerCmd(id).withTimeout(30).exec();
            }
        } finally {
            container.stop();
        }
    }
}
