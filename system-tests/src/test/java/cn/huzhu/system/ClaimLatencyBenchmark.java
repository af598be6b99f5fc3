package cn.huzhu.system;

import cn.huzhu.vocabulary.BusinessZone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * REST claim to decision latency at a steady rate: members enrolled in Shaoxing's plan over REST, then hospital
 * claims sent to the claims service at {@code benchmark.rate} per second, untimed until the services' compilers are
 * quiet ({@link WarmUp}), then for {@code benchmark.seconds} each timed from the request to the decision. The first
 * seconds after the start are printed beside the warm figure. Target: p99 ≤ 25 ms at 100 claims/s.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.main=cn.huzhu.system.ClaimLatencyBenchmark</pre>
 */
public final class ClaimLatencyBenchmark {

    private ClaimLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 100);
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        int members = Integer.getInteger("benchmark.members", 500);
        LocalDate today = LocalDate.now(BusinessZone.ZONE);
        // cover from far enough back for every member's stays (5 days apart) through the longest warm-up and the timed
        // claims: (210 + 30) s at 100 /s over 500 members is 48 stays, 240 days
        LocalDate effective = today.minusDays(260);
        Path logs = Files.createTempDirectory("huzhu-claim-benchmark");
        try (RunningPlatform platform = new RunningPlatform(logs, BenchmarkJvm.options(), true)) {
            List<String> memberIds = ClaimBenchmarkMembers.enrolCovered(platform, members, effective).stream()
                    .map(ClaimBenchmarkMembers.Member::memberId)
                    .toList();
            String claims = platform.claims.baseUrl() + "/api/claims";
            System.out.printf(
                    "%d members covered; sending %d claims/s untimed until the services' compilers are quiet, then %d s"
                            + " timed ...%n",
                    memberIds.size(), rate, seconds);

            HttpClient http = HttpClient.newHttpClient();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            // the first seconds of load after the services started, while their compilers work: printed beside the
            // warm figure, so the time after a start is not hidden by the warm-up
            List<Long> cold = Collections.synchronizedList(new ArrayList<>());
            int coldCount = rate * WarmUp.FIRST_SECONDS;
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            int timedFrom = -1;
            long timedStart = 0;
            WarmUp warmUp = WarmUp.start(List.of(platform.claims, platform.enrollment, platform.reporting));
            try (warmUp) {
                for (int n = 0; timedFrom < 0 || n < timedFrom + rate * seconds; n++) {
                    long due = start + n * intervalNanos;
                    Pace.until(due);
                    if (timedFrom < 0 && warmUp.done()) {
                        timedFrom = n;
                        timedStart = due;
                    }
                    boolean timed = timedFrom >= 0;
                    boolean first = !timed && n < coldCount;
                    String memberId = memberIds.get(n % memberIds.size());
                    // each member's stays apart (3 days each, 5 days between admissions, after the warm-up claim's): a
                    // stay claimed again is refused as a duplicate (409) and would not be the path measured
                    LocalDate day =
                            ClaimBenchmarkMembers.afterWarmUpClaim(effective).plusDays(1 + 5L * (n / memberIds.size()));
                    if (!day.plusDays(3).isBefore(today)) {
                        throw new IllegalStateException(
                                "The members' stays reached today: fewer claims or more members");
                    }
                    String body = Http.JSON.writeValueAsString(
                            ClaimBenchmarkMembers.claim(memberId, day, String.valueOf(500 + n % 1000)));
                    long sent = System.nanoTime();
                    inFlight.add(http.sendAsync(
                                    HttpRequest.newBuilder(URI.create(claims))
                                            .header("Content-Type", "application/json")
                                            .header("Authorization", SystemTokens.bearer())
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .thenAccept(response -> {
                                long took = System.nanoTime() - sent;
                                if (first) {
                                    cold.add(took);
                                }
                                if (!timed) {
                                    return;
                                }
                                latencies.add(took);
                                statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger())
                                        .incrementAndGet();
                            }));
                }
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            double elapsed = (System.nanoTime() - timedStart) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            List<Long> sortedCold = new ArrayList<>(cold);
            Collections.sort(sortedCold);
            System.out.println();
            System.out.println("Warm-up: " + warmUp.describe());
            System.out.printf(
                    "%d hospital claims at %d/s (achieved %.0f/s), %d members, Shaoxing plan, services on %s; responses %s%n",
                    sorted.size(), rate, sorted.size() / elapsed, memberIds.size(), BenchmarkJvm.collector(), statuses);
            WarmUp.printFirstAndWarm("claims", sortedCold, sorted);
            BenchmarkSummary.p99(
                    String.format(
                            "claim over REST, request to decision, at %d /s, warm (untimed load until the services'"
                                    + " compilers are quiet)",
                            rate),
                    ClaimBenchmarkMembers.ms(sorted, 0.50),
                    ClaimBenchmarkMembers.ms(sorted, 0.99),
                    25,
                    warmUp.note(sortedCold, rate));
        }
        System.exit(0);
    }
}
