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
 * claims sent to the claims service at {@code benchmark.rate} per second for {@code benchmark.seconds}, each
 * timed from the request to the decision. Target: p99 ≤ 25 ms at 100 claims/s.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.main=cn.huzhu.system.ClaimLatencyBenchmark</pre>
 */
public final class ClaimLatencyBenchmark {

    private ClaimLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 100);
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        // the same load first, untimed: the services' JIT compiles the claim path while it runs (after only the 500
        // warm-up claims of enrolment, the compiler threads took up to half a core during the timed claims)
        int warmupSeconds = Integer.getInteger("benchmark.warmup", 30);
        int members = Integer.getInteger("benchmark.members", 500);
        LocalDate today = LocalDate.now(BusinessZone.ZONE);
        LocalDate effective = today.minusDays(200);
        Path logs = Files.createTempDirectory("huzhu-claim-benchmark");
        try (RunningPlatform platform = new RunningPlatform(logs, BenchmarkJvm.options(), true)) {
            List<String> memberIds = ClaimBenchmarkMembers.enrolCovered(platform, members, effective).stream()
                    .map(ClaimBenchmarkMembers.Member::memberId)
                    .toList();
            String claims = platform.claims.baseUrl() + "/api/claims";
            System.out.printf(
                    "%d members covered; sending %d claims/s for %d s untimed, then %d s timed ...%n",
                    memberIds.size(), rate, warmupSeconds, seconds);

            HttpClient http = HttpClient.newHttpClient();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            int untimed = rate * warmupSeconds;
            for (int n = 0; n < untimed + rate * seconds; n++) {
                boolean timed = n >= untimed;
                long due = start + n * intervalNanos;
                Pace.until(due);
                String memberId = memberIds.get(n % memberIds.size());
                // each member's stays apart (3 days each, 5 days between admissions, after the warm-up claim's): a stay
                // claimed again is refused as a duplicate (409) and would not be the path measured
                LocalDate day =
                        ClaimBenchmarkMembers.afterWarmUpClaim(effective).plusDays(1 + 5L * (n / memberIds.size()));
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
                            if (!timed) {
                                return;
                            }
                            latencies.add(System.nanoTime() - sent);
                            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger())
                                    .incrementAndGet();
                        }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            double elapsed = (System.nanoTime() - start) / 1e9 - warmupSeconds;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.println();
            System.out.printf(
                    "%d hospital claims at %d/s (achieved %.0f/s), %d members, Shaoxing plan, services on %s; responses %s%n",
                    sorted.size(), rate, sorted.size() / elapsed, memberIds.size(), BenchmarkJvm.collector(), statuses);
            System.out.println("| p50 | p90 | p99 | max |");
            System.out.println("|---|---|---|---|");
            System.out.println(ClaimBenchmarkMembers.latencyRow(sorted));
            BenchmarkSummary.p99(
                    String.format(
                            "claim over REST, request to decision, at %d /s, warm (%d s untimed first)",
                            rate, warmupSeconds),
                    ClaimBenchmarkMembers.ms(sorted, 0.50),
                    ClaimBenchmarkMembers.ms(sorted, 0.99),
                    25);
        }
        System.exit(0);
    }
}
