package cn.huzhu.system;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.regional.BatchRow;
import cn.huzhu.contracts.regional.EnrollmentBatchProcessed;
import cn.huzhu.contracts.regional.EnrollmentBatchSubmitted;
import cn.huzhu.vocabulary.BusinessZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A district office sends N members in batches over Kafka: rows/s from the first record sent until every
 * batch is answered, and (the premiums recorded as collected, in batches over REST) until the reporting service's
 * district table shows every enrolment.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.main=cn.huzhu.system.RegionalBatchBenchmark -Dbenchmark.members=100000</pre>
 */
public final class RegionalBatchBenchmark {

    private static final String DISTRICT = "文卫";

    private RegionalBatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("benchmark.members", 100_000);
        int batchSize = Integer.getInteger("benchmark.batch", 500);
        int year = LocalDate.now(BusinessZone.ZONE).getYear();
        Path logs = Files.createTempDirectory("huzhu-regional-benchmark");
        try (RunningPlatform platform = new RunningPlatform(logs, BenchmarkJvm.options())) {
            List<String> units = new ArrayList<>();
            for (int u = 0; u < 100; u++) {
                units.add(Http.post(
                                platform.enrollment.baseUrl() + "/api/units",
                                Map.of(
                                        "name",
                                        "区属单位" + u,
                                        "district",
                                        DISTRICT,
                                        "nature",
                                        "PUBLIC",
                                        "insuredHeadcount",
                                        1000))
                        .json()
                        .path("unitId")
                        .asText());
            }
            String bootstrap = platform.stack.bootstrapServers();
            int batches = (members + batchSize - 1) / batchSize;
            System.out.printf("Sending %d rows in %d batches of %d over Kafka ...%n", members, batches, batchSize);
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 5, "compression.type", "lz4"),
                    new StringSerializer(),
                    new ByteArraySerializer())) {
                for (int b = 0; b < batches; b++) {
                    List<BatchRow> rows = new ArrayList<>();
                    for (int i = b * batchSize; i < Math.min(members, (b + 1) * batchSize); i++) {
                        rows.add(BatchRow.newBuilder()
                                .setRowNo(i - b * batchSize + 1)
                                .setIdNumber(idNumber(i))
                                .setName("区属会员")
                                .setPhone(null)
                                .setUnitId(units.get(i % units.size()))
                                .setCategory("IN_SERVICE")
                                .setServiceCard(false)
                                .setRealNameVerified(true)
                                .setPlanId("shaoxing-hospital")
                                .setShares(1)
                                .setTermYears(null)
                                .setEffectiveDate(null)
                                .build());
                    }
                    String batchId = "bench-" + b;
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                            Topics.REGIONAL_ENROLLMENT_BATCHES,
                            batchId,
                            EventCodec.contracts()
                                    .encode(EnrollmentBatchSubmitted.newBuilder()
                                            .setEventId(UUID.randomUUID())
                                            .setOccurredAt(Instant.now())
                                            .setBatchId(batchId)
                                            .setDistrict(DISTRICT)
                                            .setRows(rows)
                                            .build()));
                    SystemTokens.signAsOffice(DISTRICT, record);
                    producer.send(record);
                }
                producer.flush();
            }
            double sentSeconds = seconds(start);
            List<String> enrollmentIds = awaitAnswers(bootstrap, batches);
            long accepted = enrollmentIds.size();
            double answeredSeconds = seconds(start);
            if (accepted != members) {
                throw new IllegalStateException("The district office's batches were answered with " + accepted + " of "
                        + members + " rows accepted: see the enrollment service's log in " + logs);
            }
            // An enrolment counts in the district table once its premium is collected: finance records the bank's
            // deductions in batches, as the bank answers a run
            for (int from = 0; from < members; from += batchSize) {
                List<Map<String, Object>> items =
                        enrollmentIds.subList(from, Math.min(members, from + batchSize)).stream()
                                .map(EnrollmentBenchmark::collection)
                                .toList();
                Http.Response collected = Http.post(
                        platform.enrollment.baseUrl() + "/api/enrollments/collections", Map.of("items", items));
                EnrollmentBenchmark.check(collected, 200);
                collected.json().path("results").forEach(EnrollmentBenchmark::accepted);
            }
            double collectedSeconds = seconds(start);
            String report = platform.reporting.baseUrl() + "/api/reports/district-enrollment?year=" + year;
            DistrictTable.awaitTotal(report, members, 200);
            double tableSeconds = seconds(start);
            System.out.println();
            System.out.printf(
                    "%d rows, batches of %d, one district office; services -Xmx1g, PostgreSQL and Kafka on the same 2 cores%n",
                    members, batchSize);
            System.out.println("| measure | rows | time | rate |");
            System.out.println("|---|---|---|---|");
            System.out.printf(
                    "| batches produced to Kafka | %d | %.1f s | %.0f rows/s |%n",
                    members, sentSeconds, members / sentSeconds);
            System.out.printf(
                    "| **every batch answered** (%d rows accepted) | %d | %.1f s | **%.0f rows/s** |%n",
                    accepted, members, answeredSeconds, members / answeredSeconds);
            System.out.printf(
                    "| premiums collected, recorded over REST in batches of %d | %d | %.1f s | %.0f rows/s |%n",
                    batchSize, members, collectedSeconds, members / collectedSeconds);
            System.out.printf(
                    "| **district table shows every enrolment** | %d | %.1f s | **%.0f rows/s** |%n",
                    members, tableSeconds, members / tableSeconds);
            BenchmarkSummary.rate(
                    String.format(
                            "regional office batches over Kafka to the district table (%d rows of %d)",
                            members, batchSize),
                    members / tableSeconds,
                    "rows/s",
                    members / sentSeconds,
                    "produced at",
                    0);
        }
        System.exit(0);
    }

    /** The enrolment ids of the accepted rows, once every batch is answered. */
    private static List<String> awaitAnswers(String bootstrap, int batches) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "regional-benchmark-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        Set<String> answered = new HashSet<>();
        List<String> enrollmentIds = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(
                    List.of(SystemTokens.answerTopic(Topics::regionalEnrollmentResults, DISTRICT, bootstrap)));
            while (answered.size() < batches) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    EnrollmentBatchProcessed answer =
                            (EnrollmentBatchProcessed) EventCodec.contracts().decode(record.value());
                    if (answered.add(answer.getBatchId())) {
                        answer.getRows().stream()
                                .filter(row -> row.getEnrollmentId() != null)
                                .forEach(row ->
                                        enrollmentIds.add(row.getEnrollmentId().toString()));
                    }
                }
            }
        }
        return enrollmentIds;
    }

    private static String idNumber(int i) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(i / 500);
        return IdNumberFixtures.idNumber("330212", birth.format(DateTimeFormatter.BASIC_ISO_DATE), i % 500 * 2 + 1);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
