package cn.huzhu.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images as {@code -Pimages} builds them (tars in each module's target/image/, docker-save format): opened and
 * read as a container runtime would, their configuration and files checked. Runs when the images were built (the
 * profile sets {@code huzhu.images}); the README's test command builds them.
 */
class ImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a service image may weigh, compressed: the runtime layer is about 45 MB of it. */
    private static final long MAX_BYTES = 160L * 1024 * 1024;

    @BeforeAll
    static void built() {
        assumeTrue(Boolean.getBoolean("huzhu.images"), "images are built and checked with -Pimages");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "enrollment-service",
                "claims-service",
                "payout-service",
                "reporting-service",
                "bank-simulator",
                "demo-data"
            })
    void theImageRunsItsMainAsANonRootUserOnItsOwnJavaRuntime(String module) throws IOException {
        Path tar = BuiltServices.ROOT.resolve(module).resolve("target/image").resolve(module + ".tar");
        assertThat(tar).as("image of %s", module).exists();
        assertThat(Files.size(tar)).as("size of %s", module).isLessThan(MAX_BYTES);
        Map<String, byte[]> outer = read(Files.newInputStream(tar), false).files();
        JsonNode manifest = JSON.readTree(outer.get("manifest.json")).get(0);
        assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("huzhu/" + module + ":0.1.0-SNAPSHOT");
        JsonNode config =
                JSON.readTree(outer.get(manifest.get("Config").asText())).get("config");

        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        List<String> entrypoint = JSON.convertValue(
                config.get("Entrypoint"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=70", "-cp", "@/app/jib-classpath-file");
        assertThat(config.get("Env").toString()).contains("PATH=/opt/java/bin:/bin");
        if (!module.equals("demo-data")) {
            assertThat(config.get("ExposedPorts")
                            .has(BuiltServices.defaultPort(BuiltServices.ROOT.resolve(module)) + "/tcp"))
                    .isTrue();
        }

        Map<String, Integer> modes = new HashMap<>();
        Map<String, byte[]> contents = new HashMap<>();
        for (JsonNode layer : manifest.get("Layers")) {
            Tar files = read(new java.io.ByteArrayInputStream(outer.get(layer.asText())), true);
            contents.putAll(files.files());
            modes.putAll(files.modes());
        }
        assertThat(modes.get("opt/java/bin/java") & 0111)
                .as("java is executable")
                .isNotZero();
        assertThat(modes.get("lib64/ld-linux-x86-64.so.2") & 0111)
                .as("the loader is executable")
                .isNotZero();
        assertThat(modes.get("bin/bash") & 0111)
                .as("bash (health checks) is executable")
                .isNotZero();
        assertThat(contents)
                .containsKeys(
                        "lib/x86_64-linux-gnu/libc.so.6",
                        "opt/java/lib/server/libjvm.so",
                        "opt/java/lib/modules",
                        "etc/passwd",
                        "app/jib-classpath-file");
        assertThat(new String(contents.get("etc/passwd"), StandardCharsets.UTF_8))
                .contains("huzhu:x:10001:10001");
        String mainClass = entrypoint.get(entrypoint.size() - 1);
        assertThat(contents.keySet())
                .as("main class %s in the image", mainClass)
                .contains("app/classes/" + mainClass.replace('.', '/') + ".class");
    }

    /** A tar's files and directories by path (without a leading "./" or "/"), with their modes. */
    private record Tar(Map<String, byte[]> files, Map<String, Integer> modes) {}

    private static Tar read(InputStream raw, boolean gzipped) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Map<String, Integer> modes = new HashMap<>();
        try (InputStream in = gzipped ? new GZIPInputStream(raw) : raw) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = (prefix.isEmpty() ? name : prefix + "/" + name)
                        .replaceFirst("^\\./", "")
                        .replaceFirst("^/", "");
                int mode = Integer.parseInt(
                        field(header, 100, 8).trim().isEmpty()
                                ? "0"
                                : field(header, 100, 8).trim(),
                        8);
                long size = Long.parseLong(
                        field(header, 124, 12).trim().isEmpty()
                                ? "0"
                                : field(header, 124, 12).trim(),
                        8);
                char type = (char) header[156];
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                long remaining = size;
                byte[] buffer = new byte[8192];
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        throw new IOException("Truncated tar entry " + path);
                    }
                    content.write(buffer, 0, n);
                    remaining -= n;
                }
                long padding = (512 - size % 512) % 512;
                in.readNBytes((int) padding);
                if (type == '0' || type == 0 || type == '5' || type == '2') {
                    files.put(path.endsWith("/") ? path.substring(0, path.length() - 1) : path, content.toByteArray());
                    modes.put(path.endsWith("/") ? path.substring(0, path.length() - 1) : path, mode);
                }
            }
        }
        return new Tar(files, modes);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
