package cn.huzhu.localstack;

import cn.huzhu.demo.DemoData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform on one machine without Docker: PostgreSQL and Kafka of the local stack, then each
 * service from its jar as its own process, then the demo data. Data lives under {@code .local/} and
 * survives restarts; {@code --clean} starts from nothing. Ctrl-C stops everything.
 */
public final class LocalPlatform {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;
    public static final int ENROLLMENT_PORT = 8081;
    public static final int CLAIMS_PORT = 8082;
    public static final int PAYOUT_PORT = 8083;
    public static final int REPORTING_PORT = 8084;
    public static final int BANK_PORT = 8090;
    public static final int ISSUER_PORT = 8089;

    /** Set when the platform is being stopped: services that end then are not started again. */
    private static volatile boolean stopping;

    private LocalPlatform() {}

    public static void main(String[] args) throws InterruptedException {
        Path root =
                Path.of(System.getProperty("huzhu.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".local");
        if (List.of(args).contains("--clean")) {
            System.out.println("Clean start: removing " + data);
            delete(data);
        }
        List<ServiceProcess> services = new ArrayList<>();
        LocalStack[] stack = new LocalStack[1];
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the platform ...");
                            stopping = true;
                            synchronized (services) {
                                for (int i = services.size() - 1; i >= 0; i--) {
                                    services.get(i).close();
                                }
                            }
                            if (stack[0] != null) {
                                stack[0].close();
                            }
                            System.out.println("Stopped. Data kept in " + data);
                        },
                        "platform-shutdown"));

        System.out.println(
                "Starting PostgreSQL (" + POSTGRES_PORT + ") and Kafka (" + KAFKA_PORT + ") with data in " + data);
        stack[0] = LocalStack.start(POSTGRES_PORT, KAFKA_PORT, ISSUER_PORT, data);
        LocalTokenIssuer tokens = stack[0].tokens();
        tokens.register(new LocalTokenIssuer.User("scheme-admin", List.of("SCHEME_ADMIN"), null, null, null));
        Map<String, String> common = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack[0].bootstrapServers(),
                "JWT_JWK_SET_URI",
                tokens.jwkSetUri(),
                "JWT_ISSUER",
                tokens.issuer(),
                "JWT_AUDIENCE",
                "huzhu");
        services.add(start(root, data, "enrollment-service", ENROLLMENT_PORT, stack[0], "enrollment", common));
        services.add(start(root, data, "reporting-service", REPORTING_PORT, stack[0], "reporting", common));
        services.add(start(root, data, "claims-service", CLAIMS_PORT, stack[0], "claims", common));
        ServiceProcess bank = ServiceProcess.start(
                "bank-simulator",
                root.resolve("bank-simulator").resolve("target").resolve("bank-simulator-exec.jar"),
                BANK_PORT,
                Map.of(
                        "BANK_LEDGER",
                        data.resolve("bank").resolve("ledger.jsonl").toString()),
                data.resolve("logs").resolve("bank-simulator.log"),
                List.of("-Xmx128m", "-XX:+UseSerialGC"));
        services.add(bank);
        Map<String, String> payoutEnv = new java.util.HashMap<>(common);
        payoutEnv.put("BANK_URL", bank.baseUrl());
        services.add(start(root, data, "payout-service", PAYOUT_PORT, stack[0], "payout", payoutEnv));
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofMinutes(3));
            System.out.println(
                    "  " + service.name() + " is up at " + service.baseUrl() + " (log: " + service.log() + ")");
        }

        DemoData.Loaded demo = new DemoData(services.get(0).baseUrl(), tokens.token("scheme-admin")).load();
        System.out.printf(
                "Demo data: %d units, %d members, %d enrolments (%d refused by the plan rules)%n",
                demo.units(), demo.members(), demo.enrollments(), demo.refused());
        registerDemoUsers(tokens, demo);
        System.out.println();
        System.out.println("Demo users (tokens signed with a key made for this run, valid "
                + LocalTokenIssuer.DEMO_TTL.toHours() + " h; all of them: curl -s " + tokens.issuer()
                + "/tokens; one: TOKEN=$(curl -s " + tokens.issuer() + "/tokens/finance)):");
        for (LocalTokenIssuer.User user : tokens.users()) {
            System.out.printf("  %-18s %-20s %s%n", user.name(), String.join(",", user.roles()), scope(user));
            System.out.println("    " + tokens.token(user.name()));
        }
        System.out.println();
        System.out.println("Huzhu is running:");
        System.out.println("  Enrollment API   http://127.0.0.1:" + ENROLLMENT_PORT + "/swagger-ui.html");
        System.out.println("  Plans            http://127.0.0.1:" + ENROLLMENT_PORT + "/api/plans");
        System.out.println("  Claims API       http://127.0.0.1:" + CLAIMS_PORT + "/api/claims");
        System.out.println("  Payouts          http://127.0.0.1:" + PAYOUT_PORT + "/api/payouts");
        System.out.println(
                "  Bank simulator   http://127.0.0.1:" + BANK_PORT + "/admin/summary (faults: PUT /admin/faults)");
        System.out.println("  Reporting API    http://127.0.0.1:" + REPORTING_PORT + "/swagger-ui.html");
        System.out.println(
                "  District table   http://127.0.0.1:" + REPORTING_PORT + "/api/reports/district-enrollment?year=2020");
        System.out.println(
                "  PostgreSQL       " + stack[0].jdbcUrl("enrollment") + " (user postgres, password postgres)");
        System.out.println("  Kafka            " + stack[0].bootstrapServers());
        System.out.println(
                "  Token issuer     " + tokens.issuer() + "/tokens (local only; JWK set " + tokens.jwkSetUri() + ")");
        System.out.println("  Office records   POST " + tokens.issuer()
                + "/offices/<district>/sign?topic=&key= with the record's value: the"
                + " headers a district office's record carries");
        System.out.println(
                "Press Ctrl-C to stop. A service that dies (killed, out of memory) is started again, as an orchestrator would.");
        superviseForever(services);
    }

    /** One user per role; the member, unit clerk and district officer scoped to a demo member, its unit and district. */
    private static void registerDemoUsers(LocalTokenIssuer tokens, DemoData.Loaded demo) {
        tokens.register(new LocalTokenIssuer.User(
                "member", List.of("MEMBER"), demo.memberId(), demo.unitId(), demo.district()));
        tokens.register(
                new LocalTokenIssuer.User("unit-clerk", List.of("UNIT_CLERK"), null, demo.unitId(), demo.district()));
        tokens.register(new LocalTokenIssuer.User(
                "district-officer", List.of("DISTRICT_OFFICER"), null, null, demo.district()));
        tokens.register(new LocalTokenIssuer.User("adjudicator", List.of("ADJUDICATOR"), null, null, null));
        tokens.register(new LocalTokenIssuer.User("finance", List.of("FINANCE"), null, null, null));
        tokens.register(new LocalTokenIssuer.User("dashboard-viewer", List.of("DASHBOARD_VIEWER"), null, null, null));
    }

    private static String scope(LocalTokenIssuer.User user) {
        List<String> parts = new ArrayList<>();
        if (user.member() != null) {
            parts.add("member " + user.member());
        }
        if (user.unit() != null) {
            parts.add("unit " + user.unit());
        }
        if (user.district() != null) {
            parts.add("district " + user.district());
        }
        return String.join(", ", parts);
    }

    /** Starts again, as an orchestrator would, every service that ended or stopped answering ({@link Supervisor}), until stopped. */
    private static void superviseForever(List<ServiceProcess> services) throws InterruptedException {
        Supervisor supervisor = new Supervisor();
        for (long tick = 1; ; tick++) {
            Thread.sleep(2_000);
            synchronized (services) {
                if (!stopping) {
                    // the liveness probe every 10 s
                    supervisor.check(services, tick % 5 == 0).forEach(line -> System.out.println("  " + line));
                }
            }
        }
    }

    private static ServiceProcess start(
            Path root,
            Path data,
            String name,
            int port,
            LocalStack stack,
            String database,
            Map<String, String> common) {
        Map<String, String> env = new java.util.HashMap<>(common);
        env.put("DATABASE_URL", stack.jdbcUrl(database));
        return ServiceProcess.start(
                name,
                root.resolve(name).resolve("target").resolve(name + "-exec.jar"),
                port,
                env,
                data.resolve("logs").resolve(name + ".log"),
                ServiceProcess.QUICK_START);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
