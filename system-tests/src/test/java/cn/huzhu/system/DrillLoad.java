package cn.huzhu.system;

import cn.huzhu.identity.BankAccounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady load on the running platform, as the union's staff make it through the portal: each cycle registers a member
 * of one of the drill's units, registers the member's bank card (as the member, so it is in force at once), enrols the
 * member (a 2020 enrolment migrated with its payment) and files a hospital stay for them, which claims approves and
 * payouts pay. A step that fails to reach the service (refused, reset, 5xx, 429, an idempotency key still in use) is
 * sent again, the same request with the same key, until it is answered: a cycle in flight when a fault comes finishes
 * after it. Any other answer is a defect and recorded.
 */
final class DrillLoad implements AutoCloseable {

    static final int YEAR = 2020;
    static final String PLAN = "ningbo-2020-inservice-hospital";
    /** The drill's districts and the region codes of their members' ID numbers. */
    static final Map<String, String> DISTRICTS = Map.of("镇海", "330211", "慈溪", "330282");

    /** A finished cycle: the member, their enrolment acknowledged, the claim as claims answered it. */
    record Cycle(int n, String district, String memberId, String claimId, String claimStatus) {}

    private final DrillPlatform platform;
    private final Map<String, String> units = new LinkedHashMap<>();
    private final Calls staff;
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentLinkedQueue<Cycle> done = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> finishedAt = new ConcurrentLinkedQueue<>();
    private final List<String> defects = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong retries = new AtomicLong();
    private final int threads;
    private final long pauseMillis;
    private volatile boolean running;
    private ExecutorService workers;

    /** {@code threads} cycles at a time, each thread resting {@code pauseMillis} between cycles (a steady, modest rate). */
    DrillLoad(DrillPlatform platform, int threads, long pauseMillis) {
        this.platform = platform;
        this.staff = new Calls(platform.staff);
        this.threads = threads;
        this.pauseMillis = pauseMillis;
        for (String district : DISTRICTS.keySet()) {
            Calls.Answer unit = retrying(
                    "unit " + district,
                    () -> staff.post(
                            platform.url(DrillPlatform.ENROLLMENT) + "/api/units",
                            Map.of(
                                    "name",
                                    district + "演练单位工会",
                                    "district",
                                    district,
                                    "nature",
                                    "PUBLIC",
                                    "insuredHeadcount",
                                    5000),
                            "Idempotency-Key",
                            "drill-unit-" + DISTRICTS.get(district) + "-" + System.nanoTime()),
                    Set.of(201));
            units.put(district, unit.text("/unitId"));
        }
    }

    /** Starts the cycles (again). */
    synchronized void resume() {
        if (running) {
            return;
        }
        running = true;
        workers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            workers.submit(this::work);
        }
    }

    /** Starts no new cycle and waits until those in flight are done (each finishes once the platform answers it). */
    synchronized void pause() throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        workers.shutdown();
        if (!workers.awaitTermination(5, TimeUnit.MINUTES)) {
            workers.shutdownNow();
            defects.add("cycles still unanswered five minutes after the load stopped");
        }
    }

    /** Cycles finished so far. */
    List<Cycle> done() {
        return List.copyOf(done);
    }

    long completed() {
        return done.size();
    }

    /** Cycles finished between these two instants ({@link System#nanoTime()}). */
    long finishedBetween(long from, long to) {
        return finishedAt.stream().filter(t -> t >= from && t < to).count();
    }

    /** When the first cycle finished after {@code from} ({@link System#nanoTime()}), or -1 if none has. */
    long firstFinishedAfter(long from) {
        return finishedAt.stream()
                .filter(t -> t >= from)
                .mapToLong(Long::longValue)
                .min()
                .orElse(-1);
    }

    /** Requests sent again because the platform did not answer them (a fault's trace on the client). */
    long retries() {
        return retries.get();
    }

    List<String> defects() {
        return List.copyOf(defects);
    }

    Set<String> districts() {
        return DISTRICTS.keySet();
    }

    private void work() {
        while (running) {
            int n = next.getAndIncrement();
            try {
                done.add(cycle(n));
                finishedAt.add(System.nanoTime());
            } catch (RuntimeException e) {
                defects.add("cycle " + n + ": " + e.getMessage());
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Cycle cycle(int n) {
        String district = n % 2 == 0 ? "镇海" : "慈溪";
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(n / 800);
        String idNumber = IdNumberFixtures.idNumber(
                DISTRICTS.get(district), birth.toString().replace("-", ""), 100 + n % 800);
        String name = "演练会员";
        String enrollment = platform.url(DrillPlatform.ENROLLMENT);

        Map<String, Object> member = new LinkedHashMap<>();
        member.put("idNumber", idNumber);
        member.put("name", name);
        member.put("phone", "139" + String.format("%08d", n));
        member.put("unitId", units.get(district));
        member.put("category", "IN_SERVICE");
        member.put("serviceCard", false);
        member.put("realNameVerified", true);
        Calls.Answer registered = retrying(
                "member " + n,
                () -> staff.post(enrollment + "/api/members", member, "Idempotency-Key", "drill-member-" + n),
                Set.of(201, 409));
        String memberId;
        if (registered.status() == 201) {
            memberId = registered.text("/memberId");
        } else {
            // registered by an attempt whose answer was lost (its process died before the key's answer was kept)
            String location = registered
                    .headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "member " + n + ": 409 without the member's location: " + registered.body()));
            memberId = location.substring(location.lastIndexOf('/') + 1);
        }

        Calls self = new Calls(platform.stack.tokens().token("drill-member-" + n, "MEMBER", memberId, null, null));
        retrying(
                "bank account " + n,
                () -> self.put(
                        enrollment + "/api/members/" + memberId + "/bank-account",
                        Map.of(
                                "bankName",
                                "中国工商银行",
                                "accountType",
                                "CARD",
                                "number",
                                BankAccounts.card(600_000 + n),
                                "holderName",
                                name)),
                Set.of(200));

        Map<String, Object> item = new LinkedHashMap<>();
        item.put("memberId", memberId);
        item.put("planId", PLAN);
        item.put("shares", 1);
        item.put("effectiveDate", "2020-04-01");
        item.put("paidOn", "2020-04-01");
        item.put("paymentReference", "DRILL-" + n);
        Calls.Answer migrated = retrying(
                "enrolment " + n,
                () -> staff.post(
                        enrollment + "/api/enrollments/migrations",
                        Map.of("items", List.of(item)),
                        "Idempotency-Key",
                        "drill-enrol-" + n),
                Set.of(200));
        if (migrated.json().path("accepted").asInt() != 1 && !alreadyEnrolled(migrated)) {
            throw new IllegalStateException("enrolment " + n + " refused: " + migrated.body());
        }

        LocalDate stay = LocalDate.of(2020, 6, 1).plusDays(n % 150);
        BigDecimal coPay = new BigDecimal(3000 + n % 2000).add(new BigDecimal("0.50"));
        Map<String, Object> claim = Map.of(
                "memberId",
                memberId,
                "type",
                "HOSPITALIZATION",
                "eventDate",
                stay.toString(),
                "dischargeDate",
                stay.plusDays(7).toString(),
                "hospitalDays",
                7,
                "bill",
                Map.of(
                        "total",
                        coPay.add(new BigDecimal("7800.00")).toPlainString(),
                        "pooledFundPaid",
                        "7000.00",
                        "deductible",
                        "800.00",
                        "coPay",
                        coPay.toPlainString(),
                        "selfFunded",
                        "0"));
        // no idempotency key: a claim's id comes from what it claims, so sending it again finds it (200); a key would
        // keep
        // the first answer, and that may be UNKNOWN_MEMBER
        Calls.Answer filed = retrying(
                "claim " + n,
                () -> staff.post(platform.url(DrillPlatform.CLAIMS) + "/api/claims", claim),
                Set.of(200, 201));
        return new Cycle(n, district, memberId, filed.text("/claimId"), filed.text("/status"));
    }

    /** A migration answered after an earlier attempt of it committed: the one item refused as already enrolled. */
    private static boolean alreadyEnrolled(Calls.Answer migrated) {
        String body = migrated.body();
        return body.contains("ALREADY_ENROLLED")
                || body.contains("ENROLLED_ALREADY")
                || body.contains("DUPLICATE_ENROLLMENT");
    }

    /**
     * Sends the request until the platform answers it with one of {@code expected}: unreachable, 5xx, 429 and a key still in
     * use (409 without a location) are sent again; any other answer is a defect.
     */
    private Calls.Answer retrying(
            String what, java.util.function.Supplier<Calls.Answer> request, Set<Integer> expected) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                Calls.Answer answer = request.get();
                if (expected.contains(answer.status())
                        && !(answer.status() == 409
                                && answer.headers().firstValue("Location").isEmpty())) {
                    return answer;
                }
                // UNKNOWN_MEMBER: claims has not heard of the member registered a moment ago yet (it learns members
                // over Kafka)
                boolean transientFailure = answer.status() >= 500
                        || answer.status() == 429
                        || answer.status() == 409
                        || answer.status() == 404 && "UNKNOWN_MEMBER".equals(answer.code());
                if (!transientFailure) {
                    throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
                }
                last = answer.status() + " " + answer.body();
            } catch (AssertionError unreachable) {
                last = String.valueOf(unreachable.getCause());
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " interrupted", e);
            }
        }
        throw new IllegalStateException(what + " unanswered for four minutes; last: " + last);
    }

    @Override
    public void close() throws InterruptedException {
        pause();
    }
}
