package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.identity.BankAccounts;
import cn.huzhu.vocabulary.BusinessZone;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.DockerComposeContainer;

/**
 * docker-compose.yml brought up as a user brings it up, with its own images: every image the build makes is loaded from its
 * tar and started, and only the three third-party images (Kafka, PostgreSQL, Keycloak), which no registry here can give, are
 * swapped for local stand-ins by deploy/compose/stand-ins.yml. Through the published ports, as a user would: members of two
 * districts enrolled and counted in the district table, their logins provisioned through the identity provider's admin API,
 * their own bank cards registered, claims decided and paid at the bank simulator, the payout service killed (SIGKILL) with a
 * claim in flight and brought back by its restart policy, and nothing lost or paid twice; the demo data loaded by its image;
 * then every service stopped with SIGTERM within compose's grace period.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {

    private static final String PROJECT = "huzhucompose";
    private static final String PLAN = "shaoxing-hospital";
    /** docker-compose.yml's memory limits of the images the build makes. */
    private static final Map<String, Long> LIMITS = Map.of(
            "enrollment-service",
            768L << 20,
            "claims-service",
            768L << 20,
            "payout-service",
            768L << 20,
            "reporting-service",
            768L << 20,
            "bank-simulator",
            256L << 20);

    private static final List<String> LONG_RUNNING = List.of(
            "postgres",
            "kafka",
            "keycloak",
            "bank-simulator",
            "enrollment-service",
            "claims-service",
            "payout-service",
            "reporting-service");
    /** Compose's default stop_grace_period: a container not gone this long after SIGTERM is killed. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private static final String ENROLLMENT = "http://127.0.0.1:8081";
    private static final String CLAIMS = "http://127.0.0.1:8082";
    private static final String REPORTING = "http://127.0.0.1:8084";
    private static final String BANK = "http://127.0.0.1:8090";
    private static final String IDENTITY = "http://127.0.0.1:8180";

    private static DockerClient docker;
    private static DockerComposeContainer<?> stack;
    private static final Map<String, Duration> timeToHealthy = new LinkedHashMap<>();

    @BeforeAll
    static void up() throws Exception {
        List<Path> tars = new ArrayList<>();
        Docker.SERVICE_IMAGES.forEach(m -> tars.add(Docker.serviceImage(m)));
        Docker.STAND_IN_IMAGES.forEach(s -> tars.add(Docker.standInImage(s)));
        docker = Docker.require(tars);
        tars.forEach(tar -> Docker.load(docker, tar));
        List<File> files = List.of(
                Docker.ROOT.resolve("docker-compose.yml").toFile(),
                Docker.ROOT.resolve("deploy/compose/stand-ins.yml").toFile());
        stack = new DockerComposeContainer<>(PROJECT, files)
                .withPull(false)
                .withRemoveVolumes(true)
                .withEnv("HUZHU_VERSION", Docker.VERSION);
        Instant started = Instant.now();
        stack.start();
        awaitHealthy(started, Duration.ofMinutes(6));
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void everyImageRunsAsItsUserWithinItsMemoryLimit() {
        List<String> figures = new ArrayList<>();
        LIMITS.forEach((service, limit) -> {
            String id = container(service).getId();
            InspectContainerResponse container = Docker.inspect(docker, id);
            assertThat(container.getConfig().getUser()).as(service).isEqualTo("10001:10001");
            // the main process itself, not a shell started beside it
            assertThat(Docker.exec(
                                    docker,
                                    id,
                                    "bash",
                                    "-c",
                                    "while read -r key value rest; do if [ \"$key\" = Uid: ]; then echo \"$value\"; fi; done < /proc/1/status")
                            .strip())
                    .as("uid of %s's main process", service)
                    .isEqualTo("10001");
            assertThat(container.getHostConfig().getMemory())
                    .as("memory limit of %s", service)
                    .isEqualTo(limit);
            // a JVM in the container sizes its heap from the container's limit, as the service's own did
            long maxHeap = maxHeapSize(Docker.exec(docker, id, "java", "-XX:+PrintFlagsFinal", "-version"));
            assertThat(maxHeap)
                    .as("%s's heap from its %d MiB limit", service, limit >> 20)
                    .isBetween(limit * 60 / 100, limit * 72 / 100);
            long used = Docker.memoryUsage(docker, id);
            assertThat(used).as("memory used by %s", service).isLessThan(limit);
            assertThat(container.getState().getOOMKilled()).isFalse();
            figures.add(String.format(
                    Locale.ROOT,
                    "| %s | %.0f s | %d MiB | %d MiB | %d MiB |",
                    service,
                    timeToHealthy.get(service).toMillis() / 1000.0,
                    used >> 20,
                    maxHeap >> 20,
                    limit >> 20));
        });
        System.out.println(
                "| image | time to healthy | memory after start | heap limit | memory limit |\n|---|---|---|---|---|\n"
                        + String.join("\n", figures));
    }

    @Test
    @Order(2)
    void membersAreCountedAndTheirClaimsPaidOnceAcrossAKilledPayoutService() throws Exception {
        LocalDate today = LocalDate.now(BusinessZone.ZONE);
        LocalDate effective = today.minusMonths(6).withDayOfMonth(1);
        Calls admin = new Calls(token("huzhu", "huzhu-portal", "scheme-admin", "huzhu-demo"));
        Calls adjudicator = new Calls(token("huzhu", "huzhu-portal", "adjudicator", "huzhu-demo"));
        Calls dashboard = new Calls(token("huzhu", "huzhu-portal", "dashboard-viewer", "huzhu-demo"));
        String yuecheng = unit(admin, "越城区", "越城区容器演练单位工会", "yuecheng");
        String keqiao = unit(admin, "柯桥区", "柯桥区容器演练单位工会", "keqiao");
        List<String> members = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            String unitId = n <= 3 ? yuecheng : keqiao;
            String idNumber = IdNumberFixtures.idNumber(n <= 3 ? "330602" : "330603", "19800101", 600 + n);
            Calls.Answer registered = admin.post(
                    ENROLLMENT + "/api/members",
                    Map.of(
                            "idNumber",
                            idNumber,
                            "name",
                            "容器演练",
                            "phone",
                            "1395751000" + n,
                            "unitId",
                            unitId,
                            "category",
                            "IN_SERVICE",
                            "serviceCard",
                            false,
                            "realNameVerified",
                            true),
                    "Idempotency-Key",
                    "compose-member-" + n);
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            members.add(registered.text("/memberId"));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        members.forEach(m -> items.add(Map.of(
                "memberId",
                m,
                "planId",
                PLAN,
                "shares",
                1,
                "effectiveDate",
                effective.toString(),
                "paidOn",
                effective.toString(),
                "paymentReference",
                "COMPOSE-" + m)));
        Calls.Answer migrated = admin.post(
                ENROLLMENT + "/api/enrollments/migrations",
                Map.of("items", items),
                "Idempotency-Key",
                "compose-migration");
        assertThat(migrated.json().path("accepted").asInt()).as(migrated.body()).isEqualTo(4);
        String table = REPORTING + "/api/reports/district-enrollment?year=" + effective.getYear();
        Map<String, Long> expected = Map.of("越城区", 3L, "柯桥区", 1L);
        await(
                "the district table",
                Duration.ofMinutes(2),
                () -> districtTotals(dashboard.get(table).json()),
                expected::equals);

        // each member's own login, provisioned as an operator would in Keycloak; with it, the member's own card (in
        // force at once)
        String operator = token("master", "admin-cli", "admin", "admin-local");
        for (int n = 0; n < members.size(); n++) {
            Calls member = new Calls(memberLogin(operator, "compose-member-" + (n + 1), members.get(n)));
            Calls.Answer card = member.put(
                    ENROLLMENT + "/api/members/" + members.get(n) + "/bank-account",
                    Map.of(
                            "bankName",
                            "中国工商银行",
                            "accountType",
                            "CARD",
                            "number",
                            BankAccounts.card(720_001 + n),
                            "holderName",
                            "容器演练"));
            assertThat(card.status()).as(card.body()).isEqualTo(200);
            assertThat(card.json().path("pendingBankAccount").isNull())
                    .as("the member's own card waits for nothing")
                    .isTrue();
        }

        LocalDate admitted = today.minusDays(20);
        approve(adjudicator, members.get(0), admitted);
        approve(adjudicator, members.get(1), admitted);
        await(
                "two payouts at the bank",
                Duration.ofMinutes(2),
                ComposeStackIT::bankSummary,
                s -> s.path("payoutsPaid").asInt() == 2);

        // the payout service dies as a crash kills it; its restart policy brings it back while a claim waits for it
        String payout = container("payout-service").getId();
        int restarts = Docker.inspect(docker, payout).getRestartCount();
        crash(payout);
        approve(adjudicator, members.get(2), admitted);
        await(
                "payout-service restarted by its policy",
                Duration.ofMinutes(3),
                () -> Docker.inspect(docker, payout),
                c -> c.getRestartCount() > restarts
                        && c.getState().getHealth() != null
                        && "healthy".equals(c.getState().getHealth().getStatus()));
        approve(adjudicator, members.get(3), admitted);

        JsonNode summary = await(
                "four payouts at the bank",
                Duration.ofMinutes(3),
                ComposeStackIT::bankSummary,
                s -> s.path("payoutsPaid").asInt() == 4);
        Thread.sleep(5_000);
        summary = bankSummary();
        assertThat(summary.path("payoutsPaid").asInt()).as(summary.toString()).isEqualTo(4);
        assertThat(summary.path("executed").asInt()).as("transfers executed").isEqualTo(4);
        // each: co-pay 4 000.50 × 80 % rounded down to 3 200, and 7 days × 25
        assertThat(new java.math.BigDecimal(summary.path("amount").asText())).isEqualByComparingTo("13500.00");
        assertThat(summary.path("payoutsPaidMoreThanOnce")).as("paid twice").isEmpty();
        assertThat(districtTotals(dashboard.get(table).json()))
                .as("the district table after the restart")
                .isEqualTo(expected);
    }

    @Test
    @Order(3)
    void theDemoDataImageLoadsTheDemoSetAndEnds() throws Exception {
        String network = Docker.inspect(docker, container("enrollment-service").getId())
                .getNetworkSettings()
                .getNetworks()
                .keySet()
                .iterator()
                .next();
        String id = docker.createContainerCmd("huzhu/demo-data:" + Docker.VERSION)
                .withEnv(
                        "ENROLLMENT_URL=http://enrollment-service:8081",
                        "TOKEN_URL=http://keycloak:8080/realms/huzhu/protocol/openid-connect/token",
                        "TOKEN_CLIENT_ID=huzhu-demo-loader",
                        "TOKEN_CLIENT_SECRET=huzhu-demo-loader-secret")
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                        .withNetworkMode(network)
                        .withMemory(256L << 20))
                .withName(PROJECT + "-demo-data")
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();
            int exit = docker.waitContainerCmd(id).start().awaitStatusCode(5, java.util.concurrent.TimeUnit.MINUTES);
            String log = logs(id);
            assertThat(exit).as(log).isZero();
            assertThat(Docker.inspect(docker, id).getConfig().getUser()).isEqualTo("10001:10001");
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
        Calls dashboard = new Calls(token("huzhu", "huzhu-portal", "dashboard-viewer", "huzhu-demo"));
        // the demo set's historical enrolments are of 2020, in Ningbo's districts
        await(
                "the demo districts in the table",
                Duration.ofMinutes(2),
                () -> districtTotals(dashboard
                        .get(REPORTING + "/api/reports/district-enrollment?year=2020")
                        .json()),
                t -> t.size() >= 3);
    }

    @Test
    @Order(4)
    void everyServiceStopsOnSigtermWithinTheGracePeriod() {
        List<String> stops = new ArrayList<>();
        for (String service : LIMITS.keySet()) {
            String id = container(service).getId();
            long start = System.nanoTime();
            docker.stopContainerCmd(id).withTimeout((int) GRACE.toSeconds()).exec();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            InspectContainerResponse stopped = Docker.inspect(docker, id);
            // 143: the JVM ended on SIGTERM after its shutdown hooks; 137 would be the engine's SIGKILL at the end of
            // the grace
            assertThat(stopped.getState().getExitCodeLong())
                    .as("%s's exit after %s", service, took)
                    .isIn(0L, 143L);
            assertThat(took).as(service).isLessThan(GRACE);
            stops.add(service + " " + took.toMillis() + " ms");
        }
        System.out.println("Stopped on SIGTERM: " + String.join(", ", stops));
    }

    private static Container container(String service) {
        List<Container> found = Docker.composeContainers(docker, PROJECT, service);
        assertThat(found).as("containers of %s", service).hasSize(1);
        return found.get(0);
    }

    private static void awaitHealthy(Instant started, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (timeToHealthy.size() < LONG_RUNNING.size()) {
            for (String service : LONG_RUNNING) {
                if (timeToHealthy.containsKey(service)) {
                    continue;
                }
                List<Container> found = Docker.composeContainers(docker, PROJECT, service);
                if (found.size() == 1) {
                    InspectContainerResponse container =
                            Docker.inspect(docker, found.get(0).getId());
                    if (container.getState().getHealth() != null
                            && "healthy".equals(container.getState().getHealth().getStatus())) {
                        timeToHealthy.put(
                                service,
                                Duration.between(
                                        Instant.parse(container.getState().getStartedAt()), Instant.now()));
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder states = new StringBuilder();
                for (String service : LONG_RUNNING) {
                    for (Container c : Docker.composeContainers(docker, PROJECT, service)) {
                        states.append('\n')
                                .append(service)
                                .append(": ")
                                .append(c.getStatus())
                                .append('\n')
                                .append(tail(logs(c.getId()), 3000));
                    }
                }
                throw new AssertionError("not healthy within " + timeout + ": " + states);
            }
            Thread.sleep(1_000);
        }
        Container offices =
                Docker.composeContainers(docker, PROJECT, "kafka-offices").get(0);
        assertThat(Docker.inspect(docker, offices.getId()).getState().getExitCodeLong())
                .as("kafka-offices")
                .isZero();
        System.out.println("Healthy after start: " + timeToHealthy);
    }

    /** Kills the container's main process from outside, as the kernel's OOM killer or a crash would: no shutdown runs. */
    private static void crash(String id) throws IOException, InterruptedException {
        long pid = Docker.inspect(docker, id).getState().getPidLong();
        Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor())
                .as("kill -KILL %d (the test runs as root where the engine does)", pid)
                .isZero();
    }

    private static String token(String realm, String client, String user, String password) {
        String form = Stream.of(new String[][] {
                    {"grant_type", "password"}, {"client_id", client}, {"username", user}, {"password", password}
                })
                .map(p -> p[0] + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            IDENTITY + "/realms/" + realm + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Http.JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A member's login created through Keycloak's admin API (user with its member attribute, then the MEMBER role); its token. */
    private static String memberLogin(String operatorToken, String username, String memberId) {
        Calls operator = new Calls(operatorToken);
        Calls.Answer created = operator.post(
                IDENTITY + "/admin/realms/huzhu/users",
                Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "attributes",
                        Map.of("member", List.of(memberId)),
                        "credentials",
                        List.of(Map.of("type", "password", "value", "pw-" + username, "temporary", false))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(operator.post(
                                IDENTITY + "/admin/realms/huzhu/users/" + userId + "/role-mappings/realm",
                                List.of(Map.of("name", "MEMBER")))
                        .status())
                .isEqualTo(204);
        return token("huzhu", "huzhu-portal", username, "pw-" + username);
    }

    private static String unit(Calls admin, String district, String name, String key) {
        Calls.Answer unit = admin.post(
                ENROLLMENT + "/api/units",
                Map.of("name", name, "district", district, "nature", "NON_PUBLIC", "insuredHeadcount", 10),
                "Idempotency-Key",
                "compose-unit-" + key);
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        return unit.text("/unitId");
    }

    /**
     * A 7-day stay with a co-pay of 4 000.50, sent again while claims does not know the member's cover yet (it learns it from
     * the enrolment topic); once accepted, it must be approved at once (it is below what claims decides alone).
     */
    private static void approve(Calls adjudicator, String memberId, LocalDate admitted) throws InterruptedException {
        Map<String, Object> claim = Map.of(
                "memberId",
                memberId,
                "type",
                "HOSPITALIZATION",
                "eventDate",
                admitted.toString(),
                "dischargeDate",
                admitted.plusDays(7).toString(),
                "hospitalDays",
                7,
                "bill",
                Map.of(
                        "total",
                        "11800.50",
                        "pooledFundPaid",
                        "7000.00",
                        "deductible",
                        "800.00",
                        "coPay",
                        "4000.50",
                        "selfFunded",
                        "0"));
        Calls.Answer filed = await(
                "claims accepting the claim of " + memberId,
                Duration.ofMinutes(2),
                () -> adjudicator.post(CLAIMS + "/api/claims", claim),
                a -> a.status() == 200 || a.status() == 201);
        assertThat(filed.text("/status")).as(filed.body()).isEqualTo("APPROVED");
        assertThat(filed.text("/total")).isEqualTo("3375.00");
    }

    private static JsonNode bankSummary() {
        return new Calls(null).get(BANK + "/admin/summary").json();
    }

    private static Map<String, Long> districtTotals(JsonNode table) {
        Map<String, Long> totals = new LinkedHashMap<>();
        if (table != null) {
            table.path("rows")
                    .forEach(row -> totals.put(
                            row.path("district").asText(), row.path("total").asLong()));
        }
        return totals;
    }

    private static long maxHeapSize(String flags) {
        Matcher matcher = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)").matcher(flags);
        assertThat(matcher.find()).as(flags).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String logs(String id) {
        StringBuilder out = new StringBuilder();
        try {
            docker.logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .exec(
                            new com.github.dockerjava.api.async.ResultCallback.Adapter<
                                    com.github.dockerjava.api.model.Frame>() {
                                @Override
                                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                                }
                            })
                    .awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    private static <T> T await(String what, Duration timeout, java.util.function.Supplier<T> probe, Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (last != null && done.test(last)) {
                    return last;
                }
            } catch (AssertionError | RuntimeException notYet) {
                // a service starting again, or a connection refused meanwhile
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError(what + " not reached within " + timeout + "; last seen: " + last);
    }
}
