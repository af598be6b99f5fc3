package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.bank.BankSimulator;
import cn.huzhu.bank.Faults;
import cn.huzhu.identity.BankAccounts;
import cn.huzhu.localstack.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * payout-service killed with SIGKILL three times in the middle of 1 200 payouts, and started again each time, while the
 * bank is slow and now and then answers too late: every approved benefit is paid exactly once, counted at the bank.
 */
class PayoutCrashIT {

    private static final int PAYOUTS = Integer.getInteger("payout.crash.count", 1200);

    @Test
    void everyBenefitIsPaidExactlyOnceThroughThreeKills() throws Exception {
        Path logs = Files.createTempDirectory("huzhu-payout-crash");
        Map<String, String> settings = Map.of("PAYOUT_SENDERS", "4", "PAYOUT_GROUP_SIZE", "10", "BANK_TIMEOUT", "1s", "BANK_STATUS_CHECK_AFTER", "2s",
                "PAYOUT_FIRST_RETRY", "1s");
        try (PayoutHarness harness = new PayoutHarness(logs, ServiceProcess.QUICK_START, settings);
             KafkaProducer<String, byte[]> producer = PayoutHarness.producer(harness.stack.bootstrapServers())) {
            harness.bank.faults(new Faults(0.02, 2_000, 0.02, 0.01, 0, Set.of(), 40));
            harness.start();
            List<String> members = harness.members(producer, 300, 500_000);
            List<PayoutHarness.Expected> expected = harness.approve(producer, members, PAYOUTS);

            long caughtInFlight = 0;
            for (int kill = 1; kill <= 3; kill++) {
                long mark = (long) PAYOUTS * kill / 4;
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> harness.executed() >= mark);
                harness.kill();
                assertThat(harness.executed()).as("killed after %d transfers, before all were made", mark).isLessThan(PAYOUTS);
                caughtInFlight += harness.inFlight();
                harness.start();
            }
            assertThat(caughtInFlight).as("transfers at the bank without an outcome when the process died").isPositive();

            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> harness.counts().getOrDefault("SUCCEEDED", 0L) == PAYOUTS);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("Not every payout was paid: " + harness.unpaid(), e);
            }
            Map<String, List<BankSimulator.Transfer>> paid = harness.bank.executedByPayout();
            assertThat(paid.keySet()).isEqualTo(expected.stream().map(PayoutHarness.Expected::payoutId).collect(Collectors.toSet()));
            assertThat(paid.values()).allSatisfy(transfers -> assertThat(transfers).hasSize(1));
            for (PayoutHarness.Expected e : expected) {
                assertThat(paid.get(e.payoutId()).get(0).amount()).isEqualByComparingTo(e.amount());
            }
            assertThat(harness.counts()).containsOnlyKeys("SUCCEEDED");
            // the service transfers to full card numbers and never writes one to its logs
            List<String> cards = java.util.stream.IntStream.range(0, 300).mapToObj(i -> BankAccounts.card(500_000 + i)).toList();
            try (var files = Files.list(logs)) {
                for (Path log : files.filter(f -> f.getFileName().toString().startsWith("payout-service")).toList()) {
                    String text = Files.readString(log);
                    assertThat(cards).as("card numbers in " + log).noneMatch(text::contains);
                }
            }
        }
    }
}
