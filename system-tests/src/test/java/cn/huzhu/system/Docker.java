package cn.huzhu.system;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Statistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine the container tests use, through Testcontainers' client. Without an engine these tests are skipped
 * with the reason; with {@code -Dhuzhu.containers.required=true} (as {@code .ci/run} sets) they fail instead, so a CI run
 * cannot pass without them. Images come from the build ({@code -Pimages}), loaded from their tars: nothing is pulled.
 */
final class Docker {

    static final Path ROOT =
            Path.of(System.getProperty("huzhu.root", "..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("huzhu.version", "0.1.0-SNAPSHOT");
    /** The images the build makes, by module; and the compose test's stand-ins. */
    static final List<String> SERVICE_IMAGES = List.of(
            "enrollment-service",
            "claims-service",
            "payout-service",
            "reporting-service",
            "bank-simulator",
            "demo-data");

    static final List<String> STAND_IN_IMAGES = List.of("kafka", "postgres", "identity");

    private Docker() {}

    /** Skips the calling test (or fails it, when containers are required) unless an engine answers and the images were built. */
    static DockerClient require(List<Path> tars) {
        boolean required = Boolean.getBoolean("huzhu.containers.required");
        boolean available;
        String why = "";
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            available = false;
            why = ": " + e.getMessage();
        }
        if (!available) {
            String reason = "No Docker engine answers here" + why
                    + "; the container tests need one (.ci/run installs docker.io and starts dockerd)";
            if (required) {
                fail(reason + ", and huzhu.containers.required is set");
            }
            assumeTrue(false, reason);
        }
        List<Path> missing = tars.stream().filter(t -> !Files.isRegularFile(t)).toList();
        if (!missing.isEmpty()) {
            String reason = "The images are not built (" + missing.get(0)
                    + "): ./mvnw -Pimages -DskipTests install builds them";
            if (required) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return DockerClientFactory.instance().client();
    }

    /**
     * With {@code -Dhuzhu.services=containers}, the services of a system test run as containers of their images: the
     * calling test is skipped (or fails, when containers are required) unless an engine answers and the images are built.
     */
    static void requireIfServicesAreContainers() {
        if ("containers".equals(System.getProperty("huzhu.services"))) {
            require(SERVICE_IMAGES.subList(0, 4).stream()
                    .map(Docker::serviceImage)
                    .toList());
        }
    }

    static Path serviceImage(String module) {
        return ROOT.resolve(module).resolve("target/image").resolve(module + ".tar");
    }

    static Path standInImage(String name) {
        return ROOT.resolve("compose-stand-ins")
                .resolve(name)
                .resolve("target/image")
                .resolve("stand-in-" + name + ".tar");
    }

    static void load(DockerClient docker, Path tar) {
        try (InputStream in = Files.newInputStream(tar)) {
            docker.loadImageCmd(in).exec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The containers of a compose project with this service name (the one-off containers too, stopped or not). */
    static List<Container> composeContainers(DockerClient docker, String projectPrefix, String service) {
        return docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.service", service))
                .exec()
                .stream()
                .filter(c -> c.getLabels()
                        .getOrDefault("com.docker.compose.project", "")
                        .startsWith(projectPrefix))
                .toList();
    }

    static InspectContainerResponse inspect(DockerClient docker, String id) {
        return docker.inspectContainerCmd(id).exec();
    }

    /** What a command run in the running container printed (stdout and stderr); fails on a non-zero exit. */
    static String exec(DockerClient docker, String id, String... command) {
        String exec = docker.execCreateCmd(id)
                .withCmd(command)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        StringBuilder output = new StringBuilder();
        try {
            docker.execStartCmd(exec)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })
                    .awaitCompletion(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Long exit = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        if (exit == null || exit != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + exit + ": " + output);
        }
        return output.toString();
    }

    /** The container's memory use now, in bytes (one sample of the engine's statistics). */
    static long memoryUsage(DockerClient docker, String id) {
        List<Statistics> samples = new ArrayList<>();
        try {
            docker.statsCmd(id)
                    .withNoStream(true)
                    .exec(new ResultCallback.Adapter<Statistics>() {
                        @Override
                        public void onNext(Statistics statistics) {
                            samples.add(statistics);
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (samples.isEmpty()
                || samples.get(0).getMemoryStats() == null
                || samples.get(0).getMemoryStats().getUsage() == null) {
            throw new AssertionError("no memory statistics for " + id);
        }
        return samples.get(0).getMemoryStats().getUsage();
    }
}
