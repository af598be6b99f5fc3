package cn.huzhu.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The services' JVM options in every benchmark: full JIT, 1 GiB of heap, the collector of {@code -Dbenchmark.gc} (G1 by
 * default, as the deployments run them; e.g. {@code -XX:+UseParallelGC}, {@code -XX:+UseZGC}, {@code -XX:+UseShenandoahGC}) and whatever
 * {@code -Dbenchmark.jvm} adds, e.g. {@code -XX:StartFlightRecording=filename=/tmp/jfr} (a directory: one recording per
 * service) to profile them.
 */
final class BenchmarkJvm {

    private BenchmarkJvm() {}

    static List<String> options() {
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", System.getProperty("benchmark.gc", "-XX:+UseG1GC")));
        String extra = System.getProperty("benchmark.jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.strip().split("\\s+")));
        }
        return jvm;
    }

    /** The collector the services run with, as the benchmarks print it. */
    static String collector() {
        return System.getProperty("benchmark.gc", "-XX:+UseG1GC").replace("-XX:+Use", "");
    }
}
