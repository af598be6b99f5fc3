package cn.huzhu.system;

import cn.huzhu.bank.BankSimulator;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import cn.huzhu.localstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services started from their jars as processes of their own against the test JVM's PostgreSQL and Kafka, with
 * a bank simulator in this JVM that counts every transfer: each service can be killed, started again, frozen and resumed
 * on the same port, PostgreSQL and the broker stopped and started again. Consumers leave their group after 10 s of
 * silence (as payout-service does by default), so a frozen service's partitions move within a drill.
 */
final class DrillPlatform implements AutoCloseable {

    static final String ENROLLMENT = "enrollment-service";
    static final String CLAIMS = "claims-service";
    static final String PAYOUT = "payout-service";
    static final String REPORTING = "reporting-service";
    static final List<String> SERVICES = List.of(ENROLLMENT, CLAIMS, PAYOUT, REPORTING);
    private static final Map<String, String> DATABASES =
            Map.of(ENROLLMENT, "enrollment", CLAIMS, "claims", PAYOUT, "payout", REPORTING, "reporting");

    /**
     * PostgreSQL, Kafka and a token issuer of the suite's own: the other system tests' payouts, members and offsets in the
     * shared stack would otherwise be taken over by these services (a payout left unsettled there paid at this bank), and
     * the drills stop this PostgreSQL and this broker without touching theirs.
     */
    final LocalStack stack = LocalStack.start(0, 0, 0, null);

    final BankSimulator bank = BankSimulator.start(0, null);
    /** The union's staff, as {@link SystemTokens#STAFF}, signed by this stack's issuer. */
    final String staff = stack.tokens()
            .token(
                    new LocalTokenIssuer.User(
                            "drill-staff", List.of("SCHEME_ADMIN", "FINANCE", "ADJUDICATOR"), null, null, null),
                    Duration.ofHours(12));

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

    DrillPlatform(Path logs) {
        this(logs, Map.of());
    }

    /** With these settings added to every service's environment (a BUSINESS_DATE, for example). */
    DrillPlatform(Path logs, Map<String, String> settings) {
        Docker.requireIfServicesAreContainers();
        Path root =
                Path.of(System.getProperty("huzhu.root", "..")).toAbsolutePath().normalize();
        List<String> jvm = new ArrayList<>(ServiceProcess.QUICK_START);
        jvm.add("-Dspring.kafka.consumer.properties.session.timeout.ms=10000");
        jvm.add("-Dspring.kafka.consumer.properties.heartbeat.interval.ms=3000");
        try {
            for (String service : SERVICES) {
                Map<String, String> environment = new HashMap<>(settings);
                environment.putAll(Map.of(
                        "DATABASE_URL",
                        stack.jdbcUrl(DATABASES.get(service)),
                        "KAFKA_BOOTSTRAP_SERVERS",
                        stack.bootstrapServers(),
                        "JWT_JWK_SET_URI",
                        stack.tokens().jwkSetUri(),
                        "RATE_LIMIT_PER_MINUTE",
                        "0",
                        // a request whose process died is taken over by its retry after 5 s (not two minutes)
                        "HUZHU_SECURITY_IDEMPOTENCY_ABANDONED_AFTER",
                        "PT5S"));
                if (service.equals(PAYOUT)) {
                    environment.putAll(
                            Map.of("BANK_URL", bank.baseUrl(), "BANK_NOTIFY_URL", "", "PAYOUT_FIRST_RETRY", "1s"));
                }
                processes.put(
                        service,
                        ServiceProcess.start(
                                service,
                                root.resolve(service).resolve("target").resolve(service + "-exec.jar"),
                                ServiceProcess.freePort(),
                                environment,
                                logs.resolve(service + ".log"),
                                jvm));
            }
            processes.values().forEach(p -> p.awaitHealthy(Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Where the service answers (the same port across restarts). */
    String url(String service) {
        return process(service).baseUrl();
    }

    synchronized ServiceProcess process(String service) {
        return processes.get(service);
    }

    /** SIGKILL, then the service started again on its port and waited for until healthy; answers how long it was away. */
    Duration killAndRestart(String service) {
        long start = System.nanoTime();
        process(service).kill();
        ServiceProcess again = process(service).restart();
        synchronized (this) {
            processes.put(service, again);
        }
        again.awaitHealthy(Duration.ofMinutes(3));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stopped (SIGTERM) and started again with these settings changed, and waited for until healthy. */
    void restartWith(String service, Map<String, String> changed) {
        process(service).close();
        ServiceProcess again = process(service).restart(changed);
        synchronized (this) {
            processes.put(service, again);
        }
        again.awaitHealthy(Duration.ofMinutes(3));
    }

    /** SIGSTOP for {@code pause}, then SIGCONT. */
    void freeze(String service, Duration pause) throws InterruptedException {
        process(service).freeze();
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            process(service).resume();
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> running;
        synchronized (this) {
            running = new ArrayList<>(processes.values());
        }
        for (ServiceProcess process : running) {
            if (process.isAlive()) {
                process.resume();
            }
            process.close();
        }
        bank.close();
        stack.close();
    }
}
