package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.bank.BankSimulator;
import cn.huzhu.contracts.Topics;
import cn.huzhu.localstack.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for 25 s under payout-service while approved claims keep coming over Kafka, then started again:
 * the approvals that arrived meanwhile wait (the health endpoint says so) instead of going to the dead-letter topic, and
 * every benefit is paid exactly once when the database is back.
 */
class DatabaseOutageIT {

    @Test
    void approvalsThatComeWhilePostgresIsDownWaitAndArePaidOnceWhenItIsBack() throws Exception {
        Path logs = Files.createTempDirectory("huzhu-db-outage");
        try (PayoutHarness harness = new PayoutHarness(
                        logs,
                        ServiceProcess.QUICK_START,
                        // a connection is waited for 3 s, not Hikari's 30 s: the consumers' attempts fail within the
                        // outage, as
                        // they would in a longer one
                        Map.of("PAYOUT_FIRST_RETRY", "1s", "SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "3000"));
                KafkaProducer<String, byte[]> producer = PayoutHarness.producer(harness.stack.bootstrapServers())) {
            harness.start();
            List<String> members = harness.members(producer, 50, 700_000);
            List<PayoutHarness.Expected> before = harness.approve(producer, members, 100);
            await().atMost(Duration.ofMinutes(2)).until(() -> harness.succeeded(ids(before)) == 100);

            harness.stack.postgres().stop();
            List<PayoutHarness.Expected> during;
            String health;
            try {
                during = harness.approve(producer, members, 100);
                // past the consumers' retries (2, a second apart): before, the approvals were dead-lettered here
                Thread.sleep(15_000);
                health = health(harness.baseUrl());
                Thread.sleep(10_000);
            } finally {
                harness.stack.postgres().startAgain();
            }

            try {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> harness.succeeded(ids(before)) + harness.succeeded(ids(during)) == 200);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(
                        "Not every payout was paid after the outage: " + harness.unpaid()
                                + "; dead-lettered keys of these members: "
                                + deadLetteredKeys().stream()
                                        .filter(members::contains)
                                        .toList(),
                        e);
            }
            List<PayoutHarness.Expected> expected = new ArrayList<>(before);
            expected.addAll(during);
            Map<String, List<BankSimulator.Transfer>> paid = harness.bank.executedByPayout();
            assertThat(paid.keySet())
                    .isEqualTo(expected.stream()
                            .map(PayoutHarness.Expected::payoutId)
                            .collect(Collectors.toSet()));
            assertThat(paid.values())
                    .allSatisfy(transfers -> assertThat(transfers).hasSize(1));
            for (PayoutHarness.Expected e : expected) {
                assertThat(paid.get(e.payoutId()).get(0).amount()).isEqualByComparingTo(e.amount());
            }
            assertThat(deadLetteredKeys())
                    .as("approvals dead-lettered during the outage")
                    .doesNotContainAnyElementsOf(members);
            assertThat(health)
                    .as("the consumers say they wait for the database")
                    .contains("OUT_OF_SERVICE");
        }
    }

    private static List<String> ids(List<PayoutHarness.Expected> expected) {
        return expected.stream().map(PayoutHarness.Expected::payoutId).toList();
    }

    /** The consumers' own health component (the whole health also asks the database, which does not answer now). */
    private static String health(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/consumerWaits"))
                                .header("Authorization", SystemTokens.bearer())
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static Set<String> deadLetteredKeys() {
        Properties props = new Properties();
        props.put("bootstrap.servers", cn.huzhu.localstack.LocalStack.shared().bootstrapServers());
        props.put("group.id", "db-outage-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.CLAIMS)));
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
