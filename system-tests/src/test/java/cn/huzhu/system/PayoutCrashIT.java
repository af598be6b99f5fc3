package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.bank.BankSimulator;
import cn.huzhu.bank.Faults;
import cn.huzhu.identity.BankAccounts;
import cn.huzhu.localstack.ServiceProcess;
import java.math.BigDecimal;
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
 * bank is slow and now and then answers too late: every approved benefit is paid exactly once, counted at the bank. A
 * fifth of the members owe money back from a revoked claim: what is kept back from their payouts and what reaches the
 * bank add up to the benefit, to the fen, and each debt is recovered once, however the kills fall.
 */
class PayoutCrashIT {

    private static final int PAYOUTS = Integer.getInteger("payout.crash.count", 1200);

    @Test
    void everyBenefitIsPaidExactlyOnceThroughThreeKills() throws Exception {
        Path logs = Files.createTempDirectory("huzhu-payout-crash");
        Map<String, String> settings = Map.of(
                "PAYOUT_SENDERS",
                "4",
                "PAYOUT_GROUP_SIZE",
                "10",
                "BANK_TIMEOUT",
                "1s",
                "BANK_STATUS_CHECK_AFTER",
                "2s",
                "PAYOUT_FIRST_RETRY",
                "1s");
        try (PayoutHarness harness = new PayoutHarness(logs, ServiceProcess.QUICK_START, settings);
                KafkaProducer<String, byte[]> producer = PayoutHarness.producer(harness.stack.bootstrapServers())) {
            harness.bank.faults(new Faults(0.02, 2_000, 0.02, 0.01, 0, Set.of(), 40));
            harness.start();
            List<String> members = harness.members(producer, 300, 500_000);
            List<PayoutHarness.Debt> debts = harness.debts(
                    producer, members.subList(0, 60), i -> new BigDecimal(40 + i % 50).add(new BigDecimal("0.25")));
            long before = harness.executed();
            List<PayoutHarness.Expected> expected = harness.approve(producer, members, PAYOUTS);

            long caughtInFlight = 0;
            for (int kill = 1; kill <= 3; kill++) {
                long mark = before + (long) PAYOUTS * kill / 4;
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> harness.executed() >= mark);
                harness.kill();
                assertThat(harness.executed())
                        .as("killed after %d transfers, before all were made", mark)
                        .isLessThan(before + PAYOUTS);
                caughtInFlight += harness.inFlight();
                harness.start();
            }
            assertThat(caughtInFlight)
                    .as("transfers at the bank without an outcome when the process died")
                    .isPositive();

            try {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> harness.succeeded(expected.stream()
                                        .map(PayoutHarness.Expected::payoutId)
                                        .toList())
                                == PAYOUTS);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("Not every payout was paid: " + harness.unpaid(), e);
            }
            Map<String, List<BankSimulator.Transfer>> paid = harness.bank.executedByPayout();
            Set<String> ids =
                    expected.stream().map(PayoutHarness.Expected::payoutId).collect(Collectors.toSet());
            debts.forEach(d -> ids.add(d.payoutId()));
            assertThat(paid.keySet()).isEqualTo(ids);
            assertThat(paid.values())
                    .allSatisfy(transfers -> assertThat(transfers).hasSize(1));
            Map<String, BigDecimal> kept = harness.offsets();
            for (PayoutHarness.Expected e : expected) {
                BigDecimal offset = kept.getOrDefault(e.payoutId(), BigDecimal.ZERO);
                assertThat(paid.get(e.payoutId()).get(0).amount().add(offset))
                        .as("transferred and kept back of %s", e.payoutId())
                        .isEqualByComparingTo(e.amount());
            }
            BigDecimal owed = debts.stream().map(PayoutHarness.Debt::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(kept.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("kept back, all payouts")
                    .isEqualByComparingTo(owed);
            assertThat(harness.decimal("select coalesce(sum(offset_sum), 0) from recovery_view"))
                    .as("recovered by offsets")
                    .isEqualByComparingTo(owed);
            assertThat(harness.decimal("select coalesce(sum(outstanding), 0) from recovery_view"))
                    .as("still owed")
                    .isEqualByComparingTo("0");
            for (PayoutHarness.Debt d : debts) {
                assertThat(harness.decimal("select coalesce(sum(offset_amount), 0) from payout_view where member_id = '"
                                + d.memberId() + "'"))
                        .as("kept back from member %s", d.memberId())
                        .isEqualByComparingTo(d.amount());
            }
            assertThat(harness.statuses(ids))
                    .as("this test's payouts")
                    .isEqualTo(Map.of("SUCCEEDED", (long) PAYOUTS, "REVOKED", (long) debts.size()));
            // the service transfers to full card numbers and never writes one to its logs
            List<String> cards = java.util.stream.IntStream.range(0, 300)
                    .mapToObj(i -> BankAccounts.card(500_000 + i))
                    .toList();
            try (var files = Files.list(logs)) {
                for (Path log : files.filter(f -> f.getFileName().toString().startsWith("payout-service"))
                        .toList()) {
                    String text = Files.readString(log);
                    assertThat(cards).as("card numbers in " + log).noneMatch(text::contains);
                }
            }
        }
    }
}
