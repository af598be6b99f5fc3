package cn.huzhu.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's headline rows for the summary table of {@code docs/benchmarks.md}: each row is one line (fields apart by
 * tabs) appended to the file {@code -Dbenchmark.summary} names, which {@code benchmarks/run-all} passes to every
 * benchmark and {@link BenchmarkReport} turns into the table. Without the property nothing is written.
 */
final class BenchmarkSummary {

    private BenchmarkSummary() {}

    /** A throughput row: {@code rate} against a target of at least {@code target} (0: no target). */
    static void rate(String path, double rate, String unit, double baseline, String baselineName, double target) {
        row(
                path,
                String.format(Locale.ROOT, "%.0f %s", rate, unit),
                baseline > 0 ? String.format(Locale.ROOT, "%s %.0f /s", baselineName, baseline) : "—",
                baseline > 0 ? String.format(Locale.ROOT, "%.2f", rate / baseline) : "—",
                target > 0 ? String.format(Locale.ROOT, "≥ %.0f %s", target, unit) : "—",
                target > 0 ? (rate >= target ? "yes" : "no") : "—");
    }

    /** A latency row: the 99th percentile against a target of at most {@code targetMillis}. */
    static void p99(String path, double p50Millis, double p99Millis, double targetMillis) {
        p99(path, p50Millis, p99Millis, targetMillis, "");
    }

    /** A latency row with a note after the figure (e.g. how long the warm-up was and the latency before it). */
    static void p99(String path, double p50Millis, double p99Millis, double targetMillis, String note) {
        row(
                path,
                String.format(Locale.ROOT, "p99 %.1f ms (p50 %.1f)", p99Millis, p50Millis)
                        + (note.isBlank() ? "" : "; " + note),
                "—",
                "—",
                String.format(Locale.ROOT, "p99 ≤ %.0f ms", targetMillis),
                p99Millis <= targetMillis ? "yes" : "no");
    }

    /** One row as it is: path, figure, raw baseline, ratio to it, target, met; the run's settings are added. */
    static void row(String path, String figure, String baseline, String ratio, String target, String met) {
        String file = System.getProperty("benchmark.summary", "");
        if (file.isBlank()) {
            return;
        }
        String line = String.join(
                        "\t",
                        List.of(path, figure, baseline, ratio, target, met, settings()).stream()
                                .map(f -> f.replace('\t', ' ').replace('\n', ' '))
                                .toList())
                + "\n";
        try {
            Files.writeString(
                    Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("The summary row could not be written to " + file, e);
        }
    }

    /** The settings a row was measured with: PostgreSQL's fsync and synchronous commit (set together), the collector. */
    private static String settings() {
        return "fsync and synchronous commit " + System.getProperty("huzhu.postgres.fsync", "off") + ", "
                + BenchmarkJvm.collector();
    }
}
