package cn.huzhu.system;

import cn.huzhu.contracts.Topics;
import cn.huzhu.vocabulary.BusinessZone;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Enrolment throughput end to end. Starts PostgreSQL and Kafka, runs both services from their jars, loads them untimed
 * with rounds of the same work until their JIT compilers are quiet ({@link WarmUp}: {@code -Dbenchmark.warmup.members}
 * per round, 10 000 or 2 000 one request each; 0 for none), then:
 * registers N members over REST, enrols each in a plan and records each premium as collected (as finance records the
 * bank's deduction results), timing from the first enrolment until the reporting service's district table shows all N;
 * rebuilds the projection by replay; and, as a raw baseline in the same run, produces and consumes the same records with
 * plain Kafka clients. Prints a Markdown table for docs/benchmarks.md.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.members=200000 [-Dbenchmark.batch=1]</pre>
 */
public final class EnrollmentBenchmark {

    private static final String PLAN = "shaoxing-hospital";
    private static final int DISTRICTS = 20;
    private static final int UNITS_PER_DISTRICT = 10;
    /** Districts of the registry the benchmark spreads its units over. */
    private static final List<String> NINGBO = List.of(
            "海曙", "江北", "镇海", "北仑", "鄞州", "奉化", "余姚", "慈溪", "宁海", "象山", "杭州湾", "保税", "大榭", "高新", "东钱湖", "财贸", "建设",
            "文卫", "工业", "直属", "机关", "交通", "教育");

    private EnrollmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("benchmark.members", 200_000);
        int clients = Integer.getInteger("benchmark.clients", 16);
        int batch = Integer.getInteger("benchmark.batch", 500);
        Path logs = Files.createTempDirectory("huzhu-benchmark");
        int year = LocalDate.now(BusinessZone.ZONE).getYear();
        List<String> results = new ArrayList<>();
        // Full JIT and room to work: the quick-start options of tests would measure the C1 compiler.
        try (RunningPlatform platform = new RunningPlatform(logs, BenchmarkJvm.options());
                Admin admin = Admin.create(Map.of("bootstrap.servers", platform.stack.bootstrapServers()))) {
            String enrollment = platform.enrollment.baseUrl();
            List<String> units = new ArrayList<>();
            for (int d = 0; d < DISTRICTS; d++) {
                for (int u = 0; u < UNITS_PER_DISTRICT; u++) {
                    units.add(Http.post(
                                    enrollment + "/api/units",
                                    Map.of(
                                            "name",
                                            "基准单位" + d + "-" + u,
                                            "district",
                                            NINGBO.get(d % NINGBO.size()),
                                            "nature",
                                            "PUBLIC",
                                            "insuredHeadcount",
                                            1000))
                            .json()
                            .path("unitId")
                            .asText());
                }
            }
            // The services are loaded untimed until their JIT compilers are quiet, as production's would be after
            // their first minutes (ADR 0042): rounds of warm-up members, each registered, enrolled, collected and
            // counted in the district table as the timed ones are. The first round's rate is printed beside the warm.
            int warmupRound = Integer.getInteger("benchmark.warmup.members", batch > 1 ? 10_000 : 2_000);
            int warmed = 0;
            Round firstRound = null;
            String warmth = "no warm-up (-Dbenchmark.warmup.members=0)";
            String warmNote = "not warmed up";
            String warmPath =
                    warmupRound > 0 ? "warm (untimed rounds until the services' compilers are quiet)" : "cold";
            if (warmupRound > 0) {
                try (WarmUp warmUp = WarmUp.start(List.of(platform.enrollment, platform.reporting))) {
                    do {
                        System.out.printf("Warm-up round of %d members (untimed) ...%n", warmupRound);
                        Round round =
                                round(platform, admin, units, members + warmed, warmupRound, clients, batch, year);
                        firstRound = firstRound == null ? round : firstRound;
                        warmed += warmupRound;
                    } while (!warmUp.done());
                    warmth = warmUp.describe();
                    warmNote = String.format(
                            "warm after %d s%s; the first %d after the start: %.0f /s",
                            warmUp.seconds(),
                            warmUp.quiet() ? "" : " (compilers not quiet)",
                            warmupRound,
                            firstRound.endToEnd());
                }
                System.out.printf("Warm-up: %d members; %s%n", warmed, warmth);
            }
            Round timed = round(platform, admin, units, 0, members, clients, batch, year);

            JsonNode rebuild = Http.post(
                            platform.reporting.baseUrl()
                                    + "/api/admin/projections/district-enrollment/rebuild?swap=false",
                            Map.of())
                    .json();
            long replayed = rebuild.path("recordsReplayed").asLong();
            double rebuildSeconds = rebuild.path("millis").asLong() / 1000.0;

            double[] baseline = rawKafkaBaseline(platform.stack.bootstrapServers());

            if (firstRound != null) {
                results.add(String.format(
                        "| the first %d after the start (untimed warm-up): enrolments end to end | %d | %.1f s | %.0f /s |",
                        warmupRound, warmupRound, firstRound.endToEndSeconds(), firstRound.endToEnd()));
                results.add(String.format(
                        "| untimed warm-up before the rows below: %s | %d members | | |", warmth, warmed));
            }
            results.add(String.format(
                    "| members registered over REST | %d | %.1f s | %.0f /s |",
                    members, timed.registerSeconds(), members / timed.registerSeconds()));
            results.add(String.format(
                    "| enrolments accepted over REST (201) | %d | %.1f s | %.0f /s |",
                    members, timed.enrolAcceptedSeconds(), members / timed.enrolAcceptedSeconds()));
            results.add(String.format(
                    "| premium collections recorded over REST (200) | %d | %.1f s | %.0f /s |",
                    members, timed.collectSeconds(), members / timed.collectSeconds()));
            results.add(String.format(
                    "| every event on the member topic (first enrolment request until Kafka holds all %d) | %d | %.1f s | %.0f /s |",
                    3 * members, members, timed.publishedSeconds(), members / timed.publishedSeconds()));
            results.add(String.format(
                    "| **publisher** after the last request: its backlog sent to Kafka | %d events | %.1f s | **%.0f events/s** |",
                    timed.backlog(), timed.drainSeconds(), timed.backlog() / Math.max(timed.drainSeconds(), 0.001)));
            results.add(String.format(
                    "| **enrolments end to end** (first enrolment request, premiums collected, until the district table shows all) | %d | %.1f s | **%.0f /s** |",
                    members, timed.endToEndSeconds(), members / timed.endToEndSeconds()));
            results.add(String.format(
                    "| registration + enrolment end to end | %d | %.1f s | %.0f members/s |",
                    members, timed.registerAndEnrolSeconds(), members / timed.registerAndEnrolSeconds()));
            results.add(String.format(
                    "| **projection rebuild by replay** (differences: %d) | %d events | %.1f s | **%.0f events/s** |",
                    rebuild.path("differences").size(), replayed, rebuildSeconds, replayed / rebuildSeconds));
            results.add(String.format(
                    "| raw baseline: plain Kafka produce of the same records | %.0f records | %.1f s | %.0f records/s |",
                    baseline[0], baseline[1], baseline[0] / baseline[1]));
            results.add(String.format(
                    "| raw baseline: plain Kafka consume of the same records | %.0f records | %.1f s | %.0f records/s |",
                    baseline[0], baseline[2], baseline[0] / baseline[2]));

            double endToEnd = timed.endToEnd();
            double accepted = members / timed.enrolAcceptedSeconds();
            double produce = baseline[0] / baseline[1];
            if (batch > 1) {
                boolean met = endToEnd >= 8_000 && endToEnd >= 0.8 * accepted;
                BenchmarkSummary.row(
                        String.format(
                                "enrolments end to end, premiums collected, batches of %d (%d members), %s",
                                batch, members, warmPath),
                        String.format(
                                "%.0f /s (accepted %.0f /s: %.2f of it); %s",
                                endToEnd, accepted, endToEnd / accepted, warmNote),
                        String.format("Kafka produce %.0f records/s (%.0f members/s)", produce, produce / 3),
                        String.format("%.2f", endToEnd * 3 / produce),
                        "≥ 8 000 /s and ≥ 0.8 of accepted",
                        met ? "yes" : "no");
                BenchmarkSummary.rate(
                        "publisher: its backlog sent to Kafka after the last request",
                        timed.backlog() / Math.max(timed.drainSeconds(), 0.001),
                        "events/s",
                        produce,
                        "Kafka produce",
                        0);
                BenchmarkSummary.rate(
                        String.format("rebuild of the district table by replay (%d events)", replayed),
                        replayed / rebuildSeconds,
                        "events/s",
                        baseline[0] / baseline[2],
                        "Kafka consume",
                        20_000);
            } else {
                BenchmarkSummary.row(
                        String.format(
                                "enrolments end to end, premiums collected, one request per member (%d), %s",
                                members, warmPath),
                        String.format("%.0f /s; %s", endToEnd, warmNote),
                        "—",
                        "—",
                        "≥ 1 500 /s",
                        endToEnd >= 1_500 ? "yes" : "no");
            }
        }
        System.out.println();
        System.out.printf(
                "%d members, %d clients, %s; services -Xmx1g, PostgreSQL and Kafka on the same 2 cores%n",
                members, clients, batch > 1 ? "batches of " + batch : "one request per member");
        System.out.println("| measure | count | time | rate |");
        System.out.println("|---|---|---|---|");
        results.forEach(System.out::println);
        System.exit(0);
    }

    /** Timings of one round: registration, enrolment and collection of its members, and until they are all counted. */
    private record Round(
            int members,
            double registerSeconds,
            double enrolAcceptedSeconds,
            double collectSeconds,
            double publishedSeconds,
            double endToEndSeconds,
            long backlog,
            double drainSeconds,
            double registerAndEnrolSeconds) {

        double endToEnd() {
            return members / endToEndSeconds;
        }
    }

    /**
     * Registers, enrols and collects {@code members} members (numbered from {@code first}) over REST, and waits until the
     * district table counts them all and the member topic holds their events.
     */
    private static Round round(
            RunningPlatform platform,
            Admin admin,
            List<String> units,
            int first,
            int members,
            int clients,
            int batch,
            int year)
            throws Exception {
        String enrollment = platform.enrollment.baseUrl();
        String report = platform.reporting.baseUrl() + "/api/reports/district-enrollment?year=" + year;
        System.out.printf(
                "Registering %d members with %d clients, %s ...%n",
                members, clients, batch > 1 ? "batches of " + batch : "one request each");
        String[] memberIds = new String[members];
        long topicBefore = TopicRecords.on(admin, List.of(Topics.MEMBERS));
        long countedBefore =
                Http.get(report).json().path("totals").path("total").asLong();
        long registerStart = System.nanoTime();
        if (batch > 1) {
            parallel((members + batch - 1) / batch, clients, b -> {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = b * batch; i < Math.min(members, (b + 1) * batch); i++) {
                    items.add(member(first + i, units));
                }
                Http.Response r = Http.post(enrollment + "/api/members/batch", Map.of("items", items));
                check(r, 200);
                for (JsonNode result : r.json().path("results")) {
                    memberIds[b * batch + result.path("index").asInt()] = accepted(result);
                }
            });
        } else {
            parallel(members, clients, i -> {
                Http.Response r = Http.post(enrollment + "/api/members", member(first + i, units));
                check(r, 201);
                memberIds[i] = r.json().path("memberId").asText();
            });
        }
        double registerSeconds = seconds(registerStart);
        System.out.printf("Enrolling %d members ...%n", members);
        String[] enrollmentIds = new String[members];
        long enrolStart = System.nanoTime();
        if (batch > 1) {
            parallel((members + batch - 1) / batch, clients, b -> {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = b * batch; i < Math.min(members, (b + 1) * batch); i++) {
                    items.add(Map.of("memberId", memberIds[i], "planId", PLAN, "shares", 1));
                }
                Http.Response r = Http.post(enrollment + "/api/enrollments/batch", Map.of("items", items));
                check(r, 200);
                for (JsonNode result : r.json().path("results")) {
                    enrollmentIds[b * batch + result.path("index").asInt()] = accepted(result);
                }
            });
        } else {
            parallel(members, clients, i -> {
                Http.Response r = Http.post(
                        enrollment + "/api/enrollments", Map.of("memberId", memberIds[i], "planId", PLAN, "shares", 1));
                check(r, 201);
                enrollmentIds[i] =
                        r.json().path("enrollment").path("enrollmentId").asText();
            });
        }
        double enrolAcceptedSeconds = seconds(enrolStart);
        // Each enrolment is pending until its premium is collected (only then counted in the district table): the
        // bank's deduction results are recorded by finance, in batches as the bank answers a run, or one by one.
        System.out.printf("Recording %d premium collections ...%n", members);
        long collectStart = System.nanoTime();
        if (batch > 1) {
            parallel((members + batch - 1) / batch, clients, b -> {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = b * batch; i < Math.min(members, (b + 1) * batch); i++) {
                    items.add(collection(enrollmentIds[i]));
                }
                Http.Response r = Http.post(enrollment + "/api/enrollments/collections", Map.of("items", items));
                check(r, 200);
                r.json().path("results").forEach(EnrollmentBenchmark::accepted);
            });
        } else {
            parallel(
                    members,
                    clients,
                    i -> check(
                            Http.post(
                                    enrollment + "/api/enrollments/" + enrollmentIds[i] + "/collections",
                                    collection(enrollmentIds[i])),
                            200));
        }
        double collectSeconds = seconds(collectStart);
        long collectedAt = System.nanoTime();
        long publishedByThen = TopicRecords.on(admin, List.of(Topics.MEMBERS));
        // Every member has three events on the member topic (registered, enrolled, collected): the time the topic
        // holds them all says how far the publisher is behind, the rest is the reporting side's.
        double publishedSeconds = -1;
        while (Http.get(report).json().path("totals").path("total").asLong() < countedBefore + members) {
            if (publishedSeconds < 0 && TopicRecords.on(admin, List.of(Topics.MEMBERS)) >= topicBefore + 3L * members) {
                publishedSeconds = seconds(enrolStart);
            }
            Thread.sleep(200);
        }
        double endToEndSeconds = seconds(enrolStart);
        if (publishedSeconds < 0) {
            publishedSeconds = endToEndSeconds;
        }
        // the publisher alone: what it still had to send when the last request was answered, and how long it took
        long backlog = topicBefore + 3L * members - publishedByThen;
        double drainSeconds = publishedSeconds - (collectedAt - enrolStart) / 1e9;
        double registerAndEnrolSeconds = seconds(registerStart);
        return new Round(
                members,
                registerSeconds,
                enrolAcceptedSeconds,
                collectSeconds,
                publishedSeconds,
                endToEndSeconds,
                backlog,
                drainSeconds,
                registerAndEnrolSeconds);
    }

    /** Reads every record of the member topic as bytes, then produces them to a fresh topic and consumes them back. */
    private static double[] rawKafkaBaseline(String bootstrap) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(Topics.MEMBERS));
            int empty = 0;
            while (empty < 10) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                empty = batch.isEmpty() ? empty + 1 : 0;
                batch.forEach(records::add);
            }
        }
        String topic = "benchmark.baseline." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Topics.EVENT_TOPIC_PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 5, "compression.type", "lz4"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
            }
            producer.flush();
        }
        double produceSeconds = seconds(produceStart);
        long consumeStart = System.nanoTime();
        int consumed = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            while (consumed < records.size()) {
                consumed += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return new double[] {records.size(), produceSeconds, seconds(consumeStart)};
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "benchmark-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("max.poll.records", 2000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    interface Task {
        void run(int index) throws Exception;
    }

    private static void parallel(int count, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private static Map<String, Object> member(int i, List<String> units) {
        return Map.of(
                "idNumber",
                idNumber(i),
                "name",
                "基准会员",
                "unitId",
                units.get(i % units.size()),
                "category",
                "IN_SERVICE",
                "serviceCard",
                false,
                "realNameVerified",
                true);
    }

    /** Finance's record that the bank collected this enrolment's premium. */
    static Map<String, Object> collection(String enrollmentId) {
        return Map.of("enrollmentId", enrollmentId, "result", "SUCCEEDED", "reference", "DK-" + enrollmentId);
    }

    static String accepted(JsonNode result) {
        if (!"ACCEPTED".equals(result.path("status").asText())) {
            throw new IllegalStateException("Item refused: " + result);
        }
        return result.path("id").asText();
    }

    private static String idNumber(int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i / 500);
        return IdNumberFixtures.idNumber("330203", birth.format(DateTimeFormatter.BASIC_ISO_DATE), i % 500 * 2 + 1);
    }

    static void check(Http.Response response, int expected) {
        if (response.status() != expected) {
            throw new IllegalStateException(
                    "Expected " + expected + " but got " + response.status() + ": " + response.body());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
