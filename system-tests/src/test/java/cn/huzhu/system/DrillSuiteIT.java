package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The drill suite: the four services as processes on real PostgreSQL and Kafka, under steady load (members registered,
 * enrolled, their claims approved and paid at the bank) while 5 % of the records the services publish are delivered a
 * second time, and one fault after another: PostgreSQL stopped for 30 s, the broker stopped and started, each service
 * killed (SIGKILL), a service frozen (SIGSTOP) past its consumers' session timeout, poison on every topic a service reads,
 * a rebuild of every projection during the load. After each drill the load stops and the invariants are checked and
 * printed ({@link DrillChecks}): every committed enrolment in the district table, every approved benefit paid once at
 * the bank with its amount, approved = paid + outstanding to the fen, nothing pending, the rebuilt projections equal to
 * the live ones, only the poison in the dead-letter topics.
 *
 * <p>CI runs the small suite (each service killed once, payout-service frozen). The full one kills each service three
 * times and freezes each:
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -pl system-tests verify -Dit.test=DrillSuiteIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Ddrill.full=true</pre>
 * Each drill's line is also appended to {@code system-tests/target/drills.txt}.
 */
class DrillSuiteIT {

    private static final boolean FULL = Boolean.getBoolean("drill.full");
    /** Load before the fault and after it, before the load stops and the invariants are read. */
    private static final Duration STEADY =
            Duration.ofSeconds(Integer.getInteger("drill.steady-seconds", FULL ? 20 : 8));
    /** The topics the services read: each gets poison, and the services' own records on them are delivered twice at 5 %. */
    private static final List<String> READ = List.of(
            Topics.PLANS,
            Topics.UNITS,
            Topics.TARGETS,
            Topics.MEMBERS,
            Topics.BANK_ACCOUNTS,
            Topics.CONTACTS,
            Topics.CLAIMS,
            Topics.PAYOUTS,
            Topics.REGIONAL_ENROLLMENT_BATCHES,
            Topics.REGIONAL_HOSPITAL_SETTLEMENTS);

    private interface Fault {
        String inject(DrillPlatform platform) throws Exception;
    }

    private record Drill(String name, Fault fault) {}

    @Test
    void everyFaultUnderLoadLosesNothingAndDuplicatesNothing() throws Exception {
        long since = System.currentTimeMillis();
        Path logs = Files.createTempDirectory("huzhu-drills");
        Path report = Path.of("target", "drills.txt");
        Files.createDirectories(report.getParent());
        List<String> lines = new ArrayList<>();
        try (DrillPlatform platform = new DrillPlatform(logs);
                Redeliveries redeliveries =
                        new Redeliveries(platform.stack.bootstrapServers(), READ.subList(0, 8), 0.05);
                DrillLoad load = new DrillLoad(platform, 2, 100)) {
            DrillChecks checks = new DrillChecks(platform, load, since);
            // -Ddrill.only=freeze-payout-service,rebuild runs those drills alone
            Set<String> only = Set.of(System.getProperty("drill.only", "").split(","));
            for (Drill drill : drills(checks).stream()
                    .filter(d -> only.equals(Set.of("")) || only.contains(d.name()))
                    .toList()) {
                load.resume();
                long loadStart = System.nanoTime();
                Thread.sleep(STEADY.toMillis());
                long retriesBefore = load.retries();
                long faultStart = System.nanoTime();
                String injected = drill.fault().inject(platform);
                long faultEnded = System.nanoTime();
                Thread.sleep(STEADY.toMillis());
                load.pause();
                long loadStopped = System.nanoTime();
                DrillChecks.Figures figures = checks.settle(drill.name(), loadStopped, Duration.ofMinutes(4));
                long firstAfter = load.firstFinishedAfter(faultEnded);
                String line = String.format(
                        "DRILL %s: %s; load: %d cycles in all, %.1f cycles/s before the fault, %.1f during it (%.1f s),"
                                + " %d requests sent again, first cycle done %s after it; redelivered %d of %d records; %s",
                        drill.name(),
                        injected,
                        figures.cycles(),
                        load.finishedBetween(loadStart, faultStart) / ((faultStart - loadStart) / 1e9),
                        load.finishedBetween(faultStart, faultEnded) / Math.max(0.001, (faultEnded - faultStart) / 1e9),
                        (faultEnded - faultStart) / 1e9,
                        load.retries() - retriesBefore,
                        firstAfter < 0 ? "never" : String.format("%.1f s", (firstAfter - faultEnded) / 1e9),
                        redeliveries.sentAgain(),
                        redeliveries.seen(),
                        figures.line());
                System.out.println(line);
                lines.add(line);
                Files.writeString(
                        report,
                        LocalDateTime.now() + " " + line + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                assertThat(load.defects())
                        .as("requests the platform answered wrongly, after " + drill.name())
                        .isEmpty();
                assertThat(figures.violations())
                        .as("invariants after " + drill.name() + " (logs in " + logs + ")")
                        .isEmpty();
            }
            assertThat(redeliveries.sentAgain()).as("records delivered twice").isPositive();
        } finally {
            lines.forEach(System.out::println);
        }
    }

    private List<Drill> drills(DrillChecks checks) {
        List<Drill> drills = new ArrayList<>();
        drills.add(new Drill("poison", platform -> {
            checks.poisonSent(poison(platform.stack.bootstrapServers()));
            return "one undecodable record on each of the " + READ.size() + " topics the services read";
        }));
        drills.add(new Drill("postgres-stopped", platform -> {
            platform.stack.postgres().stop();
            try {
                Thread.sleep(30_000);
            } finally {
                platform.stack.postgres().startAgain();
            }
            return "PostgreSQL (every service's database) stopped for 30 s";
        }));
        drills.add(new Drill("broker-stopped", platform -> {
            platform.stack.kafka().stop();
            try {
                Thread.sleep(20_000);
            } finally {
                platform.stack.kafka().startAgain();
            }
            return "the Kafka broker stopped for 20 s";
        }));
        int kills = FULL ? 3 : 1;
        for (int round = 1; round <= kills; round++) {
            for (String service : DrillPlatform.SERVICES) {
                int r = round;
                drills.add(new Drill("kill-" + service + (FULL ? "-" + r : ""), platform -> {
                    Duration away = platform.killAndRestart(service);
                    return service + " killed (SIGKILL) and started again, healthy after " + away.toSeconds() + " s";
                }));
            }
        }
        for (String service : FULL ? DrillPlatform.SERVICES : List.of(DrillPlatform.PAYOUT)) {
            drills.add(new Drill("freeze-" + service, platform -> {
                platform.freeze(service, Duration.ofSeconds(15));
                return service + " frozen (SIGSTOP) for 15 s, past its consumers' 10 s session timeout, then resumed";
            }));
        }
        drills.add(new Drill("rebuild", platform -> {
            Calls.Answer rebuilt = new Calls(platform.staff)
                    .post(platform.url(DrillPlatform.REPORTING) + "/api/admin/projections/all/rebuild", null);
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            return "every projection rebuilt and swapped in during the load ("
                    + rebuilt.json().path("recordsReplayed").asLong() + " records replayed)";
        }));
        return drills;
    }

    /** One record that is not a contract event on each topic a service reads; answers their keys. */
    private static Set<String> poison(String bootstrap) throws Exception {
        Set<String> keys = new LinkedHashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : READ) {
                String key = "poison-drill-" + topic;
                producer.send(new ProducerRecord<>(
                                topic, key, "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8)))
                        .get();
                keys.add(key);
            }
        }
        return keys;
    }
}
