package cn.huzhu.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bank payouts are transferred through, for the local stack and the tests: an HTTP process of its own.
 *
 * <ul>
 *   <li>{@code POST /transfers} executes a transfer, once per reference: a reference seen before is answered
 *       {@code 409 DUPLICATE_REFERENCE} and nothing moves.</li>
 *   <li>{@code POST /transfer-batches} executes several transfers in one request, each once per reference, with one
 *       result per transfer.</li>
 *   <li>{@code GET /transfers/{reference}} tells what became of a reference ({@code 404 NOT_FOUND} if it never arrived).</li>
 *   <li>{@code GET /batches/{batchId}/statement}: the transfers executed in a disbursement batch, with their count and sum.</li>
 *   <li>{@code PUT /admin/faults} makes it misbehave (see {@link Faults}); {@code GET /admin/summary} counts what it
 *       executed, per payout, and names any payout paid more than once; {@code GET /admin/transfers?payoutId=}.</li>
 * </ul>
 *
 * With {@code BANK_LEDGER} set, every executed or refused transfer is appended to that file and read back at start,
 * so the counts survive a restart of the simulator.
 */
public final class BankSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bank");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient notifier =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final Path ledger;
    private final BufferedWriter ledgerWriter;
    private volatile Faults faults = Faults.NONE;

    /** One transfer the bank has seen; only {@code SUCCEEDED} ones moved money. */
    public record Transfer(
            String reference,
            String payoutId,
            String batchId,
            String accountNumber,
            String holderName,
            BigDecimal amount,
            String status,
            String reason,
            String bankTransactionId,
            long at) {}

    private BankSimulator(int port, Path ledger) throws IOException {
        this.ledger = ledger;
        if (ledger != null) {
            if (Files.exists(ledger)) {
                for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        Transfer t = JSON.readValue(line, Transfer.class);
                        transfers.put(t.reference(), t);
                    }
                }
                sequence.set(transfers.size());
            } else {
                Files.createDirectories(ledger.toAbsolutePath().getParent());
            }
            ledgerWriter = Files.newBufferedWriter(
                    ledger, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            ledgerWriter = null;
        }
        server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 512);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a simulator on {@code port} (0: any free port); {@code ledger} may be null (counts kept in memory only). */
    public static BankSimulator start(int port, Path ledger) {
        try {
            return new BankSimulator(port, ledger);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the bank simulator", e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8090"));
        String ledgerFile = System.getenv("BANK_LEDGER");
        BankSimulator bank = start(port, ledgerFile == null || ledgerFile.isBlank() ? null : Path.of(ledgerFile));
        Runtime.getRuntime().addShutdownHook(new Thread(bank::close, "bank-shutdown"));
        System.out.println("Bank simulator listening on " + bank.baseUrl()
                + (bank.ledger == null ? "" : ", ledger " + bank.ledger));
        Thread.currentThread().join();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void faults(Faults faults) {
        this.faults = faults;
    }

    public Faults faults() {
        return faults;
    }

    /** Every transfer the bank has seen (executed or refused). */
    public Collection<Transfer> transfers() {
        return List.copyOf(transfers.values());
    }

    /** Transfers that moved money, per payout. */
    public Map<String, List<Transfer>> executedByPayout() {
        Map<String, List<Transfer>> byPayout = new HashMap<>();
        for (Transfer t : transfers.values()) {
            if ("SUCCEEDED".equals(t.status())) {
                byPayout.computeIfAbsent(t.payoutId(), k -> new ArrayList<>()).add(t);
            }
        }
        return byPayout;
    }

    /** Transfer requests received, duplicates and faulty ones included. */
    public long requests() {
        return requests.get();
    }

    /** Forgets every transfer (tests). */
    public synchronized void reset() {
        transfers.clear();
        requests.set(0);
        faults = Faults.NONE;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (ledgerWriter != null) {
            try {
                ledgerWriter.close();
            } catch (IOException e) {
                // closing at exit
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/actuator/health") || path.equals("/health")) {
                respond(exchange, 200, JSON.createObjectNode().put("status", "UP"));
            } else if (method.equals("POST") && path.equals("/transfers")) {
                transfer(exchange);
            } else if (method.equals("POST") && path.equals("/transfer-batches")) {
                transferBatch(exchange);
            } else if (method.equals("GET") && path.startsWith("/transfers/")) {
                Transfer t = transfers.get(path.substring("/transfers/".length()));
                if (t == null) {
                    respond(exchange, 404, JSON.createObjectNode().put("status", "NOT_FOUND"));
                } else {
                    respond(exchange, 200, answer(t));
                }
            } else if (method.equals("GET") && path.startsWith("/batches/") && path.endsWith("/statement")) {
                statement(exchange, path.substring("/batches/".length(), path.length() - "/statement".length()));
            } else if (method.equals("PUT") && path.equals("/admin/faults")) {
                faults = Faults.from(JSON.readTree(exchange.getRequestBody()));
                respond(exchange, 200, JSON.valueToTree(faults));
            } else if (method.equals("GET") && path.equals("/admin/faults")) {
                respond(exchange, 200, JSON.valueToTree(faults));
            } else if (method.equals("GET") && path.equals("/admin/summary")) {
                respond(exchange, 200, summary());
            } else if (method.equals("GET") && path.equals("/admin/transfers")) {
                String payoutId = query(exchange).get("payoutId");
                ArrayNode list = JSON.createArrayNode();
                transfers.values().stream()
                        .filter(t -> payoutId == null || payoutId.equals(t.payoutId()))
                        .sorted(java.util.Comparator.comparingLong(Transfer::at))
                        .forEach(t -> list.add(answer(t)));
                respond(exchange, 200, list);
            } else {
                respond(
                        exchange,
                        404,
                        JSON.createObjectNode().put("status", "NOT_FOUND").put("path", path));
            }
        } catch (RuntimeException e) {
            // a request the simulator cannot read is the caller's error
            respondQuietly(
                    exchange,
                    400,
                    JSON.createObjectNode()
                            .put("status", "BAD_REQUEST")
                            .put("message", String.valueOf(e.getMessage())));
        }
    }

    /** What one transfer request came to: the HTTP status and body of its answer, and the transfer if this request executed it. */
    private record Executed(int status, ObjectNode answer, Transfer transfer) {}

    private void transfer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        Faults now = faults;
        Executed result = execute(body, now);
        if (result.transfer() == null) {
            respond(exchange, result.status(), result.answer());
            return;
        }
        if (misbehave(exchange, now)) {
            return;
        }
        respond(exchange, 200, result.answer());
        confirmAgain(body, now, List.of(result.transfer()));
    }

    /**
     * {@code POST /transfer-batches}: several transfers in one request, as banks take disbursement files. Each is executed
     * (or refused) on its own, once per reference; the answer lists one result per transfer, a reference seen before as
     * {@code DUPLICATE_REFERENCE}. Latency, a late answer and a lost answer strike the request as a whole.
     */
    private void transferBatch(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        JsonNode items = body.path("transfers");
        if (!items.isArray() || items.isEmpty()) {
            throw new IllegalArgumentException("transfers must be a non-empty list");
        }
        Faults now = faults;
        ArrayNode results = JSON.createArrayNode();
        List<Transfer> executed = new ArrayList<>();
        for (JsonNode item : items) {
            requests.incrementAndGet();
            Executed result;
            try {
                result = execute(item, now);
            } catch (RuntimeException e) {
                result = new Executed(
                        400,
                        JSON.createObjectNode()
                                .put("reference", item.path("reference").asText())
                                .put("status", "BAD_REQUEST")
                                .put("message", String.valueOf(e.getMessage())),
                        null);
            }
            results.add(result.answer());
            if (result.transfer() != null) {
                executed.add(result.transfer());
            }
        }
        if (misbehave(exchange, now)) {
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("results", results);
        respond(exchange, 200, answer);
        confirmAgain(body, now, executed);
    }

    /** Executes one transfer unless its reference was seen before or it cannot be read. */
    private Executed execute(JsonNode body, Faults now) {
        String reference = text(body, "reference");
        String payoutId = text(body, "payoutId");
        String batchId = text(body, "batchId");
        String account = text(body, "accountNumber");
        String holder = text(body, "holderName");
        BigDecimal amount = new BigDecimal(text(body, "amount"));
        if (amount.signum() <= 0 || amount.scale() > 2) {
            return new Executed(
                    400,
                    JSON.createObjectNode()
                            .put("reference", reference)
                            .put("status", "BAD_REQUEST")
                            .put("message", "amount must be positive yuan with at most 2 decimals"),
                    null);
        }
        synchronized (this) {
            Transfer earlier = transfers.get(reference);
            if (earlier != null) {
                return new Executed(
                        409,
                        answer(earlier).put("status", "DUPLICATE_REFERENCE").put("originalStatus", earlier.status()),
                        null);
            }
            String status;
            String reason = null;
            if (now.rejectAccounts().contains(account)) {
                status = "REJECTED";
                reason = "ACCOUNT_INVALID";
            } else if (now.roll(now.failRate())) {
                status = "FAILED";
                reason = "BANK_ERROR";
            } else {
                status = "SUCCEEDED";
            }
            Transfer executed = new Transfer(
                    reference,
                    payoutId,
                    batchId,
                    account,
                    holder,
                    amount,
                    status,
                    reason,
                    "SUCCEEDED".equals(status) ? String.format("BK%012d", sequence.incrementAndGet()) : null,
                    System.currentTimeMillis());
            transfers.put(reference, executed);
            record(executed);
            return new Executed(200, answer(executed), executed);
        }
    }

    /** Slowness, a late answer, a lost answer (500 after executing); true when the answer was replaced by an error. */
    private boolean misbehave(HttpExchange exchange, Faults now) throws IOException {
        if (now.latencyMillis() > 0) {
            sleep(now.latencyMillis());
        }
        if (now.roll(now.timeoutRate())) {
            // executed, but the answer comes too late for the caller: only a status query tells it what happened
            sleep(now.timeoutMillis());
        }
        if (now.roll(now.errorRate())) {
            respond(exchange, 500, JSON.createObjectNode().put("status", "INTERNAL_ERROR"));
            return true;
        }
        return false;
    }

    /** The bank's confirmation of each transfer again, twice, after the answer, to the request's notify URL. */
    private void confirmAgain(JsonNode body, Faults now, List<Transfer> executed) {
        String notifyUrl = body.hasNonNull("notifyUrl") ? body.get("notifyUrl").asText() : null;
        if (notifyUrl == null) {
            return;
        }
        for (Transfer t : executed) {
            if (now.roll(now.duplicateRate())) {
                executor.execute(() -> {
                    notify(notifyUrl, t);
                    notify(notifyUrl, t);
                });
            }
        }
    }

    private void notify(String url, Transfer t) {
        try {
            notifier.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(answer(t).toString()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the receiver is down: the confirmation is lost, as with a real bank
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void statement(HttpExchange exchange, String batchId) throws IOException {
        ArrayNode lines = JSON.createArrayNode();
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (Transfer t : transfers.values()) {
            if (batchId.equals(t.batchId()) && "SUCCEEDED".equals(t.status())) {
                lines.addObject()
                        .put("reference", t.reference())
                        .put("payoutId", t.payoutId())
                        .put("amount", t.amount().toPlainString());
                sum = sum.add(t.amount());
                count++;
            }
        }
        ObjectNode body = JSON.createObjectNode()
                .put("batchId", batchId)
                .put("count", count)
                .put("amount", sum.toPlainString());
        body.set("transfers", lines);
        respond(exchange, 200, body);
    }

    private ObjectNode summary() {
        Map<String, List<Transfer>> byPayout = executedByPayout();
        BigDecimal sum = BigDecimal.ZERO;
        int executed = 0;
        ArrayNode duplicates = JSON.createArrayNode();
        for (Map.Entry<String, List<Transfer>> e : byPayout.entrySet()) {
            executed += e.getValue().size();
            for (Transfer t : e.getValue()) {
                sum = sum.add(t.amount());
            }
            if (e.getValue().size() > 1) {
                duplicates.add(e.getKey());
            }
        }
        ObjectNode body = JSON.createObjectNode()
                .put("requests", requests.get())
                .put("transfersSeen", transfers.size())
                .put("executed", executed)
                .put("amount", sum.toPlainString())
                .put("payoutsPaid", byPayout.size());
        body.set("payoutsPaidMoreThanOnce", duplicates);
        return body;
    }

    private synchronized void record(Transfer t) {
        if (ledgerWriter == null) {
            return;
        }
        try {
            ledgerWriter.write(JSON.writeValueAsString(t));
            ledgerWriter.newLine();
            ledgerWriter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bank ledger", e);
        }
    }

    private static ObjectNode answer(Transfer t) {
        ObjectNode node = JSON.createObjectNode()
                .put("reference", t.reference())
                .put("payoutId", t.payoutId())
                .put("batchId", t.batchId())
                .put("amount", t.amount().toPlainString())
                .put("status", t.status());
        node.put("reason", t.reason());
        node.put("bankTransactionId", t.bankTransactionId());
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void respondQuietly(HttpExchange exchange, int status, JsonNode body) {
        try {
            respond(exchange, status, body);
        } catch (IOException | RuntimeException e) {
            // the caller has gone
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
