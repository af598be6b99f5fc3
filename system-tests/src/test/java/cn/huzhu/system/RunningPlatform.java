package cn.huzhu.system;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The services started from their executable jars against the test JVM's PostgreSQL and Kafka. */
final class RunningPlatform implements AutoCloseable {

    final LocalStack stack = LocalStack.shared();
    final ServiceProcess enrollment;
    final ServiceProcess reporting;
    /** Null unless asked for (the benchmarks leave it out). */
    final ServiceProcess claims;

    private final boolean rateLimited;
    private final Map<String, String> settings;

    RunningPlatform(Path logs) {
        this(logs, ServiceProcess.QUICK_START, false);
    }

    RunningPlatform(Path logs, List<String> jvmOptions) {
        this(logs, jvmOptions, false);
    }

    /** The benchmarks' platform: the per-client rate limit is off (they measure throughput, one client sending a lot). */
    RunningPlatform(Path logs, List<String> jvmOptions, boolean withClaims) {
        this(logs, jvmOptions, withClaims, false);
    }

    RunningPlatform(Path logs, List<String> jvmOptions, boolean withClaims, boolean rateLimited) {
        this(logs, jvmOptions, withClaims, rateLimited, Map.of());
    }

    /** With these settings added to every service's environment (e.g. the enrolment service's BUSINESS_DATE). */
    RunningPlatform(
            Path logs, List<String> jvmOptions, boolean withClaims, boolean rateLimited, Map<String, String> settings) {
        Docker.requireIfServicesAreContainers();
        this.rateLimited = rateLimited;
        this.settings = Map.copyOf(settings);
        Path root =
                Path.of(System.getProperty("huzhu.root", "..")).toAbsolutePath().normalize();
        enrollment = start(root, logs, "enrollment-service", "enrollment", jvmOptions);
        ServiceProcess reportingProcess = null;
        ServiceProcess claimsProcess = null;
        try {
            reportingProcess = start(root, logs, "reporting-service", "reporting", jvmOptions);
            claimsProcess = withClaims ? start(root, logs, "claims-service", "claims", jvmOptions) : null;
            enrollment.awaitHealthy(Duration.ofMinutes(3));
            reportingProcess.awaitHealthy(Duration.ofMinutes(3));
            if (claimsProcess != null) {
                claimsProcess.awaitHealthy(Duration.ofMinutes(3));
            }
        } catch (RuntimeException e) {
            for (ServiceProcess process : new ServiceProcess[] {claimsProcess, reportingProcess, enrollment}) {
                if (process != null) {
                    process.close();
                }
            }
            throw e;
        }
        reporting = reportingProcess;
        claims = claimsProcess;
    }

    private ServiceProcess start(Path root, Path logs, String name, String database, List<String> jvmOptions) {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.putAll(Map.of(
                "DATABASE_URL",
                stack.jdbcUrl(database),
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.bootstrapServers(),
                "JWT_JWK_SET_URI",
                SystemTokens.jwkSetUri(),
                "RATE_LIMIT_PER_MINUTE",
                rateLimited ? "1200" : "0"));
        return ServiceProcess.start(
                name,
                root.resolve(name).resolve("target").resolve(name + "-exec.jar"),
                ServiceProcess.freePort(),
                environment,
                logs.resolve(name + ".log"),
                jvmOptions);
    }

    @Override
    public void close() {
        if (claims != null) {
            claims.close();
        }
        if (reporting != null) {
            reporting.close();
        }
        if (enrollment != null) {
            enrollment.close();
        }
    }
}
