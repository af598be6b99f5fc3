package cn.huzhu.system;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.regional.HospitalSettlementAnswered;
import cn.huzhu.contracts.regional.HospitalSettlementSubmitted;
import cn.huzhu.vocabulary.BusinessZone;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Hospital settlement request to reply over Kafka at a steady rate: members enrolled over REST (Shaoxing's plan),
 * then {@code benchmark.rate} settlements per second sent by a district's hospitals to the settlements topic, untimed
 * until the services' compilers are quiet ({@link WarmUp}), then for {@code benchmark.seconds} each timed from the send
 * to the arrival of its answer on the results topic. Target: p99 ≤ 100 ms.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.main=cn.huzhu.system.SettlementLatencyBenchmark</pre>
 */
public final class SettlementLatencyBenchmark {

    private static final String DISTRICT = "越城区";

    private SettlementLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 100);
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        // the first seconds of untimed load after the services started (printed beside the warm figure)
        int coldCount = rate * WarmUp.FIRST_SECONDS;
        int memberCount = Integer.getInteger("benchmark.members", 500);
        LocalDate effective = LocalDate.now(BusinessZone.ZONE).minusDays(200);
        Path logs = Files.createTempDirectory("huzhu-settlement-benchmark");
        try (RunningPlatform platform = new RunningPlatform(logs, BenchmarkJvm.options(), true)) {
            List<ClaimBenchmarkMembers.Member> members =
                    ClaimBenchmarkMembers.enrolCovered(platform, memberCount, effective);
            String bootstrap = platform.stack.bootstrapServers();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, String> statusOf = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Long> cold = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean running = new AtomicBoolean(true);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                            Map.of(
                                    "bootstrap.servers",
                                    bootstrap,
                                    "group.id",
                                    "settlement-benchmark-" + UUID.randomUUID(),
                                    "fetch.max.wait.ms",
                                    10),
                            new StringDeserializer(),
                            new ByteArrayDeserializer());
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                            Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 0),
                            new StringSerializer(),
                            new ByteArraySerializer())) {
                List<TopicPartition> partitions = consumer
                        .partitionsFor(SystemTokens.answerTopic(Topics::regionalSettlementResults, DISTRICT, bootstrap))
                        .stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                Thread reader = new Thread(
                        () -> {
                            while (running.get()) {
                                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                                    long arrived = System.nanoTime();
                                    HospitalSettlementAnswered answer = (HospitalSettlementAnswered)
                                            EventCodec.contracts().decode(record.value());
                                    Long sent = sentAt.get(answer.getSettlementId());
                                    if (sent != null
                                            && statusOf.putIfAbsent(
                                                            answer.getSettlementId(),
                                                            answer.getCode() == null
                                                                    ? answer.getStatus()
                                                                    : answer.getStatus() + " " + answer.getCode())
                                                    == null) {
                                        if (measuring.get()) {
                                            latencies.add(arrived - sent);
                                        } else if (cold.size() < coldCount) {
                                            cold.add(arrived - sent);
                                        }
                                    }
                                }
                            }
                        },
                        "answers");
                reader.start();

                // the stays begin after each member's warm-up claim over REST: one overlapping it is refused as the
                // same
                // stay, a cheap answer that measures nothing (a sixth of the answers were, until 2026-12-07)
                LocalDate firstStay = ClaimBenchmarkMembers.afterWarmUpClaim(effective);
                // untimed load at the measured rate until the services' compilers are quiet, in rounds of 5 s; each
                // round's stays after the last round's
                int round = rate * 5;
                int warmUpSent = 0;
                LocalDate afterWarmUp = firstStay;
                WarmUp warmUp = WarmUp.start(List.of(platform.claims, platform.enrollment, platform.reporting));
                try (warmUp) {
                    while (!warmUp.done()) {
                        send(producer, members, round, rate, afterWarmUp, sentAt);
                        warmUpSent += round;
                        afterWarmUp = afterWarmUp.plusDays(2L * ((round + members.size() - 1) / members.size()));
                    }
                }
                awaitAnswers(statusOf, warmUpSent);
                System.out.printf(
                        "%d members covered, %d settlements to warm up (%s); sending %d settlements/s for %d s ...%n",
                        members.size(), warmUpSent, warmUp.describe(), rate, seconds);
                statusOf.clear();
                sentAt.clear();
                measuring.set(true);
                long start = System.nanoTime();
                // each member's measured stays begin after its warm-up stays have ended: a stay overlapping one already
                // claimed is refused as a duplicate, which would make a third of the answers cheap refusals
                double sending = send(producer, members, rate * seconds, rate, afterWarmUp, sentAt);
                awaitAnswers(statusOf, rate * seconds);
                double elapsed = (System.nanoTime() - start) / 1e9;
                double sentRate = rate * seconds / sending;
                running.set(false);
                reader.join();

                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                Map<String, Long> statuses = new java.util.TreeMap<>();
                statusOf.values().forEach(s -> statuses.merge(s, 1L, Long::sum));
                System.out.println();
                System.out.printf(
                        "%d settlements at %d/s (sent at %.1f/s, answered %.0f/s), %d members, Shaoxing plan; answers %s%n",
                        sorted.size(), rate, sentRate, sorted.size() / elapsed, members.size(), statuses);
                List<Long> sortedCold = new ArrayList<>(cold);
                Collections.sort(sortedCold);
                WarmUp.printFirstAndWarm("settlements", sortedCold, sorted);
                if (sentRate < 0.95 * rate) {
                    // a latency at a lower rate than asked is not the figure of this row
                    throw new IllegalStateException(String.format(
                            "The load generator sent %.1f settlements/s, not the %d/s asked: no figure at %d/s",
                            sentRate, rate, rate));
                }
                BenchmarkSummary.p99(
                        String.format(
                                "hospital settlement over Kafka, request to answer, at %d /s, warm (untimed load until"
                                        + " the services' compilers are quiet)",
                                rate),
                        ClaimBenchmarkMembers.ms(sorted, 0.50),
                        ClaimBenchmarkMembers.ms(sorted, 0.99),
                        100,
                        warmUp.note(sortedCold, rate));
            }
        }
        System.exit(0);
    }

    /**
     * Sends {@code count} settlements at {@code rate} per second, each for the next member, admitted on or after {@code
     * from}; returns the seconds the sending took (from the first send's due time until the last was acknowledged).
     */
    private static double send(
            KafkaProducer<String, byte[]> producer,
            List<ClaimBenchmarkMembers.Member> members,
            int count,
            int rate,
            LocalDate from,
            Map<String, Long> sentAt)
            throws Exception {
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int n = 0; n < count; n++) {
            long due = start + n * intervalNanos;
            Pace.until(due);
            ClaimBenchmarkMembers.Member member = members.get(n % members.size());
            LocalDate admitted = from.plusDays(2L * (n / members.size()));
            String settlementId = "B-" + UUID.randomUUID();
            BigDecimal coPay = BigDecimal.valueOf(500 + n % 1000).setScale(2);
            HospitalSettlementSubmitted settlement = HospitalSettlementSubmitted.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(Instant.now())
                    .setSettlementId(settlementId)
                    .setDistrict(DISTRICT)
                    .setHospital("绍兴市人民医院")
                    .setHospitalGrade(null)
                    .setIdNumber(member.idNumber())
                    .setAdmissionDate(admitted)
                    .setDischargeDate(admitted.plusDays(1))
                    .setHospitalDays(null)
                    .setCause("ILLNESS")
                    .setTotal(coPay.multiply(BigDecimal.valueOf(3)))
                    .setPooledFundPaid(coPay.multiply(BigDecimal.valueOf(2)))
                    .setCoPay(coPay)
                    .setDeductible(null)
                    .setSelfFunded(new BigDecimal("0.00"))
                    .build();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    Topics.REGIONAL_HOSPITAL_SETTLEMENTS,
                    settlementId,
                    EventCodec.contracts().encode(settlement));
            SystemTokens.signAsOffice(DISTRICT, record);
            sentAt.put(settlementId, System.nanoTime());
            producer.send(record);
        }
        producer.flush();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitAnswers(Map<String, String> statusOf, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (statusOf.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Only " + statusOf.size() + " of " + count + " settlements were answered");
            }
            Thread.sleep(20);
        }
    }
}
