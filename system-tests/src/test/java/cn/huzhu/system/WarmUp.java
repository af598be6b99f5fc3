package cn.huzhu.system;

import cn.huzhu.localstack.ServiceProcess;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's untimed load (the latency benchmarks' paced requests, the enrolment benchmark's rounds): it lasts at least {@code benchmark.warmup} seconds (120) and then until the
 * services' JIT compilers are quiet ({@link CompilerQuiet}), at most {@code benchmark.warmup.max} seconds (210). A
 * thread of its own reads the services' compilation times every 5 s, so the load generator's pace is not disturbed, and
 * prints them every 30 s.
 */
final class WarmUp implements AutoCloseable {

    /** The seconds after the start whose latencies are printed beside the warm figure. */
    static final int FIRST_SECONDS = 30;

    private final CompilerQuiet compilers;
    private final long minimumNanos = TimeUnit.SECONDS.toNanos(Integer.getInteger("benchmark.warmup", 120));
    private final long maximumNanos = TimeUnit.SECONDS.toNanos(Integer.getInteger("benchmark.warmup.max", 210));
    private final long start = System.nanoTime();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "compiler-quiet");
        thread.setDaemon(true);
        return thread;
    });
    private long printedAt = start;
    private volatile long endedAt;
    private volatile boolean quiet;
    private volatile RuntimeException failure;

    private WarmUp(List<ServiceProcess> services) {
        this.compilers = new CompilerQuiet(services);
        poller.scheduleWithFixedDelay(this::poll, 0, 5, TimeUnit.SECONDS);
    }

    /** Starts the clock and the polling; the caller sends its load until {@link #done()}. */
    static WarmUp start(List<ServiceProcess> services) {
        return new WarmUp(services);
    }

    private void poll() {
        if (endedAt != 0) {
            return;
        }
        try {
            boolean nowQuiet = compilers.quiet();
            long now = System.nanoTime();
            long elapsed = now - start;
            if (now - printedAt >= TimeUnit.SECONDS.toNanos(30)) {
                printedAt = now;
                System.out.printf(
                        "  %d s of untimed load: compilers' share of the last %d s: %s%n",
                        TimeUnit.NANOSECONDS.toSeconds(elapsed), CompilerQuiet.WINDOW.toSeconds(), compilers.shares());
            }
            if ((nowQuiet && elapsed >= minimumNanos) || elapsed >= maximumNanos) {
                quiet = nowQuiet;
                endedAt = System.nanoTime();
            }
        } catch (RuntimeException e) {
            failure = e;
            endedAt = System.nanoTime();
        }
    }

    /** Whether the untimed load may end; throws if a service's compilation time could not be read. */
    boolean done() {
        if (failure != null) {
            throw new IllegalStateException("The services' compilation times could not be read", failure);
        }
        return endedAt != 0;
    }

    /** Whether the warm-up ended because the compilers were quiet (not at its limit), once {@link #done()}. */
    boolean quiet() {
        return quiet;
    }

    /** The seconds of untimed load, once {@link #done()}. */
    long seconds() {
        return Math.round((endedAt - start) / 1e9);
    }

    /** What the warm-up was, e.g. "compilers quiet after 145 s of load (their share of the last 15 s: ...)". */
    String describe() {
        return String.format(
                "%s after %d s of load (compilers' share of the last %d s: %s)",
                quiet ? "compilers quiet" : "compilers NOT quiet (the warm-up's limit)",
                seconds(),
                CompilerQuiet.WINDOW.toSeconds(),
                compilers.shares());
    }

    /**
     * The summary row's note: how long the warm-up was, and the p99 of the untimed load's first seconds after the start
     * ({@code sortedFirst}, in nanoseconds, sorted, sent at {@code rate} per second: at most {@link #FIRST_SECONDS}).
     */
    String note(List<Long> sortedFirst, int rate) {
        return String.format(
                java.util.Locale.ROOT,
                "warm after %d s%s; the first %d s after the start: p99 %.1f ms",
                seconds(),
                quiet ? "" : " (compilers not quiet)",
                Math.round((double) sortedFirst.size() / rate),
                ClaimBenchmarkMembers.ms(sortedFirst, 0.99));
    }

    /** Prints the latencies of the first seconds after the start and the warm ones (nanoseconds, sorted) as a table. */
    static void printFirstAndWarm(String what, List<Long> sortedFirst, List<Long> sortedWarm) {
        System.out.println("| " + what + " | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        System.out.println("| the first " + sortedFirst.size() + " after the start (untimed load) "
                + ClaimBenchmarkMembers.latencyRow(sortedFirst));
        System.out.println(
                "| **warm**: " + sortedWarm.size() + " timed " + ClaimBenchmarkMembers.latencyRow(sortedWarm));
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
