package cn.huzhu.system;

import cn.huzhu.localstack.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the services' JIT compilers have settled under a benchmark's warm-up load. On two shared cores, at 100
 * claims/s, the claims service's compiler threads still took 0.14-0.28 of a core between 30 and 60 s of load and
 * 0.07-0.15 after 150 s, and the request threads needed about twice the CPU per claim early on (ADR 0042). A latency
 * measured before that is the service's first minutes after a start, not the service warm.
 *
 * <p>Each service reports the time its compilers have spent ({@code jvm_compilation_time_ms_total} on
 * {@code /actuator/prometheus}, open without a token). The services are quiet when, over the last {@link #WINDOW}, each
 * one's compilers took less than {@link #QUIET_SHARE} of that time. The time is the compilations' elapsed time, summed
 * over the compiler threads; on cores the load keeps busy it is longer than their CPU time.
 */
final class CompilerQuiet {

    static final Duration WINDOW = Duration.ofSeconds(15);
    static final double QUIET_SHARE = 0.25;

    private static final Pattern COMPILATION_MILLIS =
            Pattern.compile("^jvm_compilation_time_ms_total(?:\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

    private final List<ServiceProcess> services;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Deque<long[]>> samples = new LinkedHashMap<>();

    CompilerQuiet(List<ServiceProcess> services) {
        this.services = List.copyOf(services);
    }

    /**
     * Reads every service's compilation time now and answers whether each has been quiet over the last {@link #WINDOW}
     * (false until a window's samples exist).
     */
    synchronized boolean quiet() {
        long now = System.nanoTime();
        boolean quiet = true;
        for (ServiceProcess service : services) {
            Deque<long[]> history = samples.computeIfAbsent(service.name(), k -> new ArrayDeque<>());
            history.addLast(new long[] {now, compilationMillis(service)});
            while (history.size() > 2 && now - history.peekFirst()[0] > 2 * WINDOW.toNanos()) {
                history.removeFirst();
            }
            quiet &= share(history) < QUIET_SHARE;
        }
        return quiet;
    }

    /** Each service's compilers' share of the last window so far, e.g. "claims-service 0.31". */
    synchronized String shares() {
        StringBuilder text = new StringBuilder();
        samples.forEach((name, history) -> text.append(text.isEmpty() ? "" : ", ")
                .append(name)
                .append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.2f", share(history))));
        return text.toString();
    }

    /**
     * The compilers' time over the window that ends at the newest sample, as a share of the window; infinite while the
     * samples do not yet reach back a whole window.
     */
    static double share(Deque<long[]> history) {
        long[] newest = history.peekLast();
        long[] start = null;
        for (long[] sample : history) {
            if (newest[0] - sample[0] >= WINDOW.toNanos()) {
                start = sample;
            }
        }
        if (start == null) {
            return Double.POSITIVE_INFINITY;
        }
        double elapsedMillis = (newest[0] - start[0]) / 1e6;
        return (newest[1] - start[1]) / elapsedMillis;
    }

    private long compilationMillis(ServiceProcess service) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return parse(service.name(), response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long parse(String service, int status, String metrics) {
        Matcher matcher = COMPILATION_MILLIS.matcher(metrics);
        if (status != 200 || !matcher.find()) {
            throw new IllegalStateException(
                    service + " reports no jvm_compilation_time_ms_total (HTTP " + status + ")");
        }
        return Math.round(Double.parseDouble(matcher.group(1)));
    }
}
