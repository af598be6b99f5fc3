package cn.huzhu.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * timed from the request to the decision. Target: p99 ≤ 50 ms at 100 claims/s.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.main=cn.huzhu.system.ClaimLatencyBenchmark</pre>
 */
public final class ClaimLatencyBenchmark {

    private ClaimLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 100);
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        int members = Integer.getInteger("benchmark.members", 500);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate effective = today.minusDays(200);
        Path logs = Files.createTempDirectory("huzhu-claim-benchmark");
        try (RunningPlatform platform = new RunningPlatform(logs, List.of("-Xmx1g", "-XX:+UseParallelGC"), true)) {
            String enrollment = platform.enrollment.baseUrl();
            String unitId = Http.post(enrollment + "/api/units", Map.of("name", "理赔基准单位", "district", "越城", "nature", "PUBLIC",
                    "insuredHeadcount", members)).json().path("unitId").asText();
            List<String> memberIds = new ArrayList<>();
            for (int from = 0; from < members; from += 500) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(members, from + 500); i++) {
                    LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(i / 400);
                    batch.add(Map.of("idNumber", IdNumberFixtures.idNumber("330602", birth.format(DateTimeFormatter.BASIC_ISO_DATE), i % 400 * 2 + 1),
                            "name", "理赔会员", "unitId", unitId, "category", "IN_SERVICE"));
                }
                Http.post(enrollment + "/api/members/batch", Map.of("items", batch)).json().path("results")
                        .forEach(r -> memberIds.add(r.path("id").asText()));
                List<Map<String, Object>> enrolments = new ArrayList<>();
                for (String memberId : memberIds.subList(from, memberIds.size())) {
                    // Dated in the past: migrated, so its premium counts as collected and the cover is in force.
                    enrolments.add(Map.of("memberId", memberId, "planId", "shaoxing-hospital", "shares", 1, "effectiveDate", effective.toString()));
                }
                Http.post(enrollment + "/api/enrollments/batch", Map.of("items", enrolments));
            }
            String claims = platform.claims.baseUrl() + "/api/claims";
            // Warm-up, and the wait until the claims service knows every cover: a claim per member until all are approved.
            for (String memberId : memberIds) {
                while (!"APPROVED".equals(Http.post(claims, claim(memberId, effective.plusDays(1), "100.00")).json().path("status").asText())) {
                    Thread.sleep(200);
                }
            }
            System.out.printf("%d members covered; sending %d claims/s for %d s ...%n", memberIds.size(), rate, seconds);

            HttpClient http = HttpClient.newHttpClient();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            for (int n = 0; n < rate * seconds; n++) {
                long due = start + n * intervalNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                String memberId = memberIds.get(n % memberIds.size());
                LocalDate day = effective.plusDays(2 + n / memberIds.size());
                String body = Http.JSON.writeValueAsString(claim(memberId, day, String.valueOf(500 + n % 1000)));
                long sent = System.nanoTime();
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(claims)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                        .thenAccept(response -> {
                            latencies.add(System.nanoTime() - sent);
                            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            double elapsed = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.println();
            System.out.printf("%d hospital claims at %d/s (achieved %.0f/s), %d members, Shaoxing plan; responses %s%n", sorted.size(), rate,
                    sorted.size() / elapsed, memberIds.size(), statuses);
            System.out.println("| p50 | p90 | p99 | max |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| %.1f ms | %.1f ms | **%.1f ms** | %.1f ms |%n", ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0));
        }
        System.exit(0);
    }

    private static Map<String, Object> claim(String memberId, LocalDate admitted, String coPay) {
        return Map.of("memberId", memberId, "type", "HOSPITALIZATION", "eventDate", admitted.toString(),
                "dischargeDate", admitted.plusDays(3).toString(), "hospitalDays", 3,
                "bill", Map.of("total", "20000.00", "pooledFundPaid", "10000.00", "deductible", "0", "coPay", coPay, "selfFunded", "0"));
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
