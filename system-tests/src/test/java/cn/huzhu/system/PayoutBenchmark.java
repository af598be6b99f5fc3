package cn.huzhu.system;

import cn.huzhu.bank.BankSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Approved benefits to confirmed transfers: {@code benchmark.payouts} (10 000) {@code ClaimApproved} records of one benefit
 * each for {@code benchmark.members} members with a card, published at once; timed from the first record sent to the
 * last payout whose transfer the bank confirmed (status SUCCEEDED in payout-service). The bank is the simulator, in this
 * JVM, answering at once. {@code benchmark.warmup} payouts may be made first (not timed), so that the measurement is not
 * mostly the JIT compiling a freshly started service on two cores. Target: ≥ 500 payouts/s on the 2-core machine.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.main=cn.huzhu.system.PayoutBenchmark</pre>
 */
public final class PayoutBenchmark {

    private PayoutBenchmark() {}

    /**
     * The two stages apart ({@code -Dbenchmark.staged=true}): the decisions of members without a card are scheduled and
     * wait; once all are, the cards are registered and the waiting payouts sent.
     */
    private static void stages(
            PayoutHarness harness, KafkaProducer<String, byte[]> producer, int memberCount, int payouts, int before)
            throws InterruptedException {
        List<String> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            waiting.add(java.util.UUID.randomUUID().toString());
        }
        long start = System.nanoTime();
        harness.approve(producer, waiting, payouts);
        while (harness.count("select count(*) from payout_view") < payouts + before) {
            Thread.sleep(100);
        }
        long scheduled = System.nanoTime();
        harness.accounts(producer, waiting, 900_000);
        while (harness.count("select count(*) from payout_view where status = 'SUCCEEDED'") < payouts + before) {
            Thread.sleep(100);
        }
        long sent = System.nanoTime();
        System.out.printf(
                "Stages: %d payouts scheduled in %.1f s (%.0f/s, nothing else running), then sent in %.1f s (%.0f/s)%n",
                payouts,
                (scheduled - start) / 1e9,
                payouts / ((scheduled - start) / 1e9),
                (sent - scheduled) / 1e9,
                payouts / ((sent - scheduled) / 1e9));
    }

    public static void main(String[] args) throws Exception {
        run();
        System.exit(0); // exec:java waits for the client threads otherwise
    }

    /** The benchmark; the harness (and the service process) is closed however it ends. */
    private static void run() throws Exception {
        int payouts = Integer.getInteger("benchmark.payouts", 10_000);
        int memberCount = Integer.getInteger("benchmark.members", 2_000);
        int warmUp = Integer.getInteger("benchmark.warmup", 0);
        boolean staged = Boolean.getBoolean("benchmark.staged");
        Path logs = Files.createTempDirectory("huzhu-payout-benchmark");
        // the service's own defaults unless set: PAYOUT_SENDERS, PAYOUT_GROUP_SIZE, CLAIM_CONSUMERS
        Map<String, String> settings = new java.util.TreeMap<>();
        Map.of(
                        "benchmark.senders",
                        "PAYOUT_SENDERS",
                        "benchmark.group",
                        "PAYOUT_GROUP_SIZE",
                        "benchmark.consumers",
                        "CLAIM_CONSUMERS")
                .forEach((property, variable) -> {
                    if (System.getProperty(property) != null) {
                        settings.put(variable, System.getProperty(property));
                    }
                });
        List<String> jvm = BenchmarkJvm.options();
        try (PayoutHarness harness = new PayoutHarness(logs, jvm, settings);
                KafkaProducer<String, byte[]> producer = PayoutHarness.producer(harness.stack.bootstrapServers())) {
            harness.start();
            List<String> members = harness.members(producer, memberCount, 700_000);
            while (harness.count("select count(*) from bank_account") < memberCount) {
                Thread.sleep(100);
            }
            if (warmUp > 0) {
                harness.approve(producer, members, warmUp);
                while (harness.count("select count(*) from payout_view where status = 'SUCCEEDED'") < warmUp) {
                    Thread.sleep(200);
                }
            }
            if (staged) {
                stages(harness, producer, memberCount, payouts, warmUp);
                return;
            }
            long start = System.nanoTime();
            List<PayoutHarness.Expected> expected = harness.approve(producer, members, payouts);
            long published = System.nanoTime();
            long scheduledAt = 0;
            long succeeded = 0;
            while (succeeded < payouts) {
                Thread.sleep(100);
                succeeded = harness.count("select count(*) from payout_view where status = 'SUCCEEDED'") - warmUp;
                if (scheduledAt == 0 && harness.count("select count(*) from payout_view") >= payouts + warmUp) {
                    scheduledAt = System.nanoTime();
                }
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("Not done after 10 minutes: " + harness.unpaid());
                }
            }
            long done = System.nanoTime();
            Map<String, List<BankSimulator.Transfer>> paid = harness.bank.executedByPayout();
            long twice = paid.values().stream().filter(t -> t.size() > 1).count();
            boolean allPaid = expected.stream()
                    .allMatch(e -> paid.containsKey(e.payoutId())
                            && paid.get(e.payoutId()).get(0).amount().compareTo(e.amount()) == 0);
            double seconds = (done - start) / 1e9;
            System.out.printf(
                    "Payouts: %d approved benefits of %d members, settings %s, after %d warm-up payouts%n",
                    payouts, memberCount, settings.isEmpty() ? "default" : settings, warmUp);
            System.out.printf(
                    "  published in %.1f s, all scheduled after %.1f s, all confirmed after %.1f s%n",
                    (published - start) / 1e9, (scheduledAt - start) / 1e9, seconds);
            System.out.printf("  %.0f payouts/s end to end (event to confirmed transfer)%n", payouts / seconds);
            System.out.printf(
                    "  bank: %d transfers executed (warm-up included), %d payouts paid more than once, every benefit paid its amount: %s%n",
                    harness.executed(), twice, allPaid);
            System.out.println("  logs: " + logs);
            double rate = payouts / seconds;
            BenchmarkSummary.row(
                    String.format(
                            "payouts, approved benefit to confirmed transfer (%d, after %d warm-up)", payouts, warmUp),
                    String.format(
                            "%.0f /s; paid more than once: %d; every benefit its amount: %s",
                            rate, twice, allPaid ? "yes" : "no"),
                    "—",
                    "—",
                    "≥ 2 000 /s",
                    rate >= 2_000 && twice == 0 && allPaid ? "yes" : "no");
        }
    }
}
