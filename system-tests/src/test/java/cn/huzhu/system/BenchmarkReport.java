package cn.huzhu.system;

import cn.huzhu.vocabulary.BusinessZone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the summary table at the top of {@code docs/benchmarks.md} from the rows the benchmarks of one run appended to
 * {@code -Dbenchmark.summary} ({@link BenchmarkSummary}): it replaces what stands between the two marker lines, and adds
 * them under the title the first time. The last step of {@code benchmarks/run-all}.
 */
public final class BenchmarkReport {

    static final String BEGIN = "<!-- benchmark summary: written by benchmarks/run-all, do not edit -->";
    static final String END = "<!-- end of benchmark summary -->";

    private BenchmarkReport() {}

    public static void main(String[] args) throws IOException {
        Path rows = Path.of(System.getProperty("benchmark.summary"));
        Path doc = Path.of(System.getProperty("huzhu.root", ".."), "docs", "benchmarks.md");
        List<String> lines = Files.readAllLines(rows, StandardCharsets.UTF_8);
        String table =
                table(lines, LocalDate.now(BusinessZone.ZONE), machine(), System.getProperty("benchmark.command"));
        Files.writeString(
                doc, withSummary(Files.readString(doc, StandardCharsets.UTF_8), table), StandardCharsets.UTF_8);
        System.out.println(table);
        System.out.println("Written to " + doc.toAbsolutePath().normalize());
    }

    static String table(List<String> rows, LocalDate date, String machine, String command) {
        StringBuilder out = new StringBuilder();
        out.append("## Summary of the last full run\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Run on %s with `%s`, every benchmark in turn with its raw baseline in the same run. Machine: %s;"
                        + " the services, PostgreSQL, Kafka and the load generator share it.%n%n",
                date,
                command == null || command.isBlank() ? "benchmarks/run-all" : command,
                machine));
        out.append("| path | figure | raw baseline, same run | ratio | target | met | settings | date |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (String row : rows) {
            if (row.isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(row.split("\t", -1)));
            while (cells.size() < 7) {
                cells.add("—");
            }
            cells.add(date.toString());
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return out.toString();
    }

    /** The document with {@code table} between the markers (put under the title when they are not there yet). */
    static String withSummary(String doc, String table) {
        String block = BEGIN + "\n" + table + END;
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin >= 0 && end > begin) {
            return doc.substring(0, begin) + block + doc.substring(end + END.length());
        }
        int afterTitle = doc.indexOf('\n') + 1;
        return doc.substring(0, afterTitle) + "\n" + block + "\n" + doc.substring(afterTitle);
    }

    /** Cores, processor model and memory, as Linux reports them. */
    static String machine() {
        String model = "unknown processor";
        String memory = "";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(model);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(
                            Locale.ROOT, ", %.0f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst()
                    .orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the cores alone
        }
        return String.format(
                Locale.ROOT,
                "%d cores (%s)%s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                model,
                memory,
                System.getProperty("java.version"));
    }
}
