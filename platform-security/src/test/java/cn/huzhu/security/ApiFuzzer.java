package cn.huzhu.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Malformed requests generated from a service's own OpenAPI description: for every operation, a plausible request and
 * variants of it with a field missing, null, of the wrong type, at a boundary or far beyond it, with control characters,
 * an extra field, an array far over its size, a body that is not JSON, and path and query parameters likewise, each
 * sent with the token of every role and with none. Every answer must be below 500, and a refusal (4xx) must be problem details
 * and leave the service's state as it was ({@code state}: a figure that any stored change moves, such as the number of
 * events in the event store).
 */
public final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A request that was answered wrongly, and how. */
    public record Finding(String request, int status, String what) {
        @Override
        public String toString() {
            return what + " (" + status + "): " + request;
        }
    }

    /** What a run sent and found; {@code complete}: every variant was sent before the time was up. */
    public record Report(int requests, int refused, int accepted, List<Finding> findings, boolean complete) {}

    private record Operation(
            String method, String path, List<JsonNode> parameters, JsonNode body, List<String> contentTypes) {}

    private record Variant(String what, String pathAndQuery, String contentType, byte[] body) {}

    private final String baseUrl;
    private final IntFunction<String> tokens;
    private final int callers;
    private final LongSupplier state;
    private final Predicate<String> skip;
    private final Random random;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JsonNode components = NODES.objectNode();
    private int anonymous;

    /**
     * @param tokens  the token the n-th request is sent with (null: none): the callers (roles, and none) in turn
     * @param callers how many callers {@code tokens} takes turns among; every variant is sent once by each
     * @param state  a figure every stored change moves (refused requests must leave it as it was)
     * @param skip   operations ({@code "POST /api/…"}) not to send anything to
     */
    public ApiFuzzer(
            String baseUrl,
            IntFunction<String> tokens,
            int callers,
            LongSupplier state,
            Predicate<String> skip,
            long seed) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.callers = callers;
        this.state = state;
        this.skip = skip;
        this.random = new Random(seed);
    }

    /** Sends every variant of every operation, until done or {@code within} has passed. */
    public Report run(Duration within) throws IOException, InterruptedException {
        JsonNode doc =
                JSON.readTree(send("GET", "/v3/api-docs", null, null, null).body());
        components = doc.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String method = op.getKey().toUpperCase();
                    if (!skip.test(method + " " + path.getKey())) {
                        JsonNode content = op.getValue().path("requestBody").path("content");
                        List<String> types = new ArrayList<>();
                        content.fieldNames().forEachRemaining(types::add);
                        JsonNode body = types.contains("application/json")
                                ? content.path("application/json").path("schema")
                                : null;
                        List<JsonNode> parameters = new ArrayList<>();
                        op.getValue().path("parameters").forEach(parameters::add);
                        operations.add(new Operation(method, path.getKey(), parameters, body, types));
                    }
                }));
        long deadline = System.nanoTime() + within.toNanos();
        Tally tally = new Tally();
        int turn = 0;
        for (Operation operation : operations) {
            for (Variant variant : variants(operation)) {
                for (int caller = 0; caller < callers; caller++) {
                    if (System.nanoTime() > deadline) {
                        return tally.report(false);
                    }
                    send(operation, variant, tokens.apply(turn++), tally);
                }
            }
        }
        return tally.report(true);
    }

    private static final class Tally {
        int requests;
        int refused;
        int accepted;
        final List<Finding> findings = new ArrayList<>();

        Report report(boolean complete) {
            return new Report(requests, refused, accepted, List.copyOf(findings), complete);
        }
    }

    /** Sends one variant with one token, and counts its answer or what is wrong with it. */
    private void send(Operation operation, Variant variant, String token, Tally tally)
            throws IOException, InterruptedException {
        String request = describe(operation, variant);
        long before = state.getAsLong();
        HttpResponse<String> answer;
        try {
            answer = send(operation.method(), variant.pathAndQuery(), variant.contentType(), variant.body(), token);
        } catch (IOException e) {
            tally.findings.add(new Finding(request, 0, "no answer: " + e));
            return;
        }
        tally.requests++;
        int status = answer.statusCode();
        if (status >= 500) {
            tally.findings.add(new Finding(request, status, "server error " + cut(answer.body())));
        } else if (status >= 400) {
            tally.refused++;
            if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                tally.findings.add(new Finding(request, status, "not problem details " + cut(answer.body())));
            }
            if (state.getAsLong() != before && storesWhenRefused(operation, variant, token)) {
                tally.findings.add(new Finding(request, status, "refused, yet something was stored"));
            }
        } else {
            tally.accepted++;
        }
    }

    /**
     * Whether a refused request changed what is stored: the figure may also move by the work of an earlier, accepted
     * request still under way, so once it holds still the request is sent again and must leave it as it is.
     */
    private boolean storesWhenRefused(Operation operation, Variant variant, String token)
            throws IOException, InterruptedException {
        long quiet = awaitQuiet();
        HttpResponse<String> again =
                send(operation.method(), variant.pathAndQuery(), variant.contentType(), variant.body(), token);
        return again.statusCode() >= 400 && awaitQuiet() != quiet;
    }

    private long awaitQuiet() throws InterruptedException {
        long last = state.getAsLong();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            long now = state.getAsLong();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    // ---- variants ------------------------------------------------------------------------------------------------

    private List<Variant> variants(Operation op) {
        List<Variant> variants = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> path = new LinkedHashMap<>();
        for (JsonNode parameter : op.parameters()) {
            String value = plausibleText(
                    resolve(parameter.path("schema")), parameter.path("name").asText());
            ("path".equals(parameter.path("in").asText()) ? path : query)
                    .put(parameter.path("name").asText(), value);
        }
        JsonNode body = op.body() == null ? null : plausible(op.body(), 0);
        String type = op.body() != null
                ? "application/json"
                : op.contentTypes().isEmpty() ? null : op.contentTypes().get(0);
        variants.add(variant("plausible", op, path, query, type, body));
        // path and query parameters: wrong, hostile and huge values, one at a time
        for (String name : path.keySet()) {
            for (String bad :
                    List.of("not-a-uuid", "%00", "-1", "9".repeat(40), "x".repeat(600), "%2e%2e", "'%20OR%201=1--")) {
                Map<String, String> changed = new LinkedHashMap<>(path);
                changed.put(name, bad);
                variants.add(new Variant(
                        "path " + name + "=" + cut(bad),
                        fill(op.path(), changed, true) + queryString(query),
                        type,
                        bytes(body)));
            }
        }
        for (String name : query.keySet()) {
            for (String bad : List.of(
                    "",
                    "abc",
                    "-1",
                    "1e309",
                    "2147483648",
                    "1.5",
                    "\u0000",
                    "%",
                    "%2f..%2f",
                    "x".repeat(3000),
                    "2020-13-45")) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(name, bad);
                variants.add(new Variant(
                        "query " + name + "=" + cut(bad),
                        fill(op.path(), path, false) + queryString(changed),
                        type,
                        bytes(body)));
            }
            Map<String, String> without = new LinkedHashMap<>(query);
            without.remove(name);
            variants.add(new Variant(
                    "query without " + name, fill(op.path(), path, false) + queryString(without), type, bytes(body)));
        }
        if (op.method().equals("GET") || op.method().equals("DELETE")) {
            return variants;
        }
        String target = fill(op.path(), path, false) + queryString(query);
        // bodies that are not JSON of the shape
        for (String raw : List.of(
                "",
                "{",
                "[]",
                "null",
                "\"text\"",
                "12",
                "{\"a\":",
                "{}",
                "{\"\u0000\":1}",
                "{" + "\"a\":{".repeat(300) + "}".repeat(300) + "}")) {
            variants.add(
                    new Variant("body " + cut(raw), target, "application/json", raw.getBytes(StandardCharsets.UTF_8)));
        }
        variants.add(new Variant("body as text/plain", target, "text/plain", bytes(body)));
        variants.add(new Variant(
                "body of random bytes", target, type == null ? "application/octet-stream" : type, randomBytes(512)));
        if (body instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                JsonNode schema = resolve(op.body()).path("properties").path(field);
                for (Map.Entry<String, JsonNode> bad :
                        badValues(resolve(schema)).entrySet()) {
                    ObjectNode changed = object.deepCopy();
                    if (bad.getValue() == null) {
                        changed.remove(field);
                    } else {
                        changed.set(field, bad.getValue());
                    }
                    variants.add(new Variant(
                            "body " + field + " " + bad.getKey(), target, "application/json", bytes(changed)));
                }
            }
            ObjectNode extra = object.deepCopy();
            extra.put("unexpected\u0007", "\u0000");
            variants.add(new Variant("body with an extra field", target, "application/json", bytes(extra)));
        }
        return variants;
    }

    /** Wrong, boundary, huge and hostile values for a field of this schema (null: the field left out). */
    private Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        bad.put("missing", null);
        bad.put("null", NODES.nullNode());
        bad.put("object", NODES.objectNode().put("x", 1));
        bad.put("control characters", NODES.textNode("a\u0000b\u001b"));
        bad.put("10000 characters", NODES.textNode("长".repeat(10_000)));
        bad.put("number", NODES.numberNode(1));
        bad.put("fraction", NODES.numberNode(1.5));
        bad.put("negative", NODES.numberNode(-1));
        bad.put("huge number", NODES.numberNode(new java.math.BigDecimal("1e309")));
        bad.put("max int", NODES.numberNode(Long.MAX_VALUE));
        bad.put("boolean", NODES.booleanNode(true));
        bad.put("numeric string", NODES.textNode("10"));
        bad.put("spaced money", NODES.textNode(" 10.00"));
        bad.put("year as number", NODES.numberNode(2020));
        bad.put("day zero", NODES.textNode("0000-01-01"));
        bad.put("no such day", NODES.textNode("2020-02-30"));
        bad.put("far future", NODES.textNode("9999-12-31"));
        bad.put("unknown code", NODES.textNode("NOPE"));
        bad.put("sql", NODES.textNode("' OR 1=1--"));
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 1_001; i++) {
            many.add(
                    schema.path("type").asText().equals("array")
                            ? plausible(schema.path("items"), 1)
                            : NODES.objectNode());
        }
        bad.put("1001 items", many);
        ArrayNode huge = NODES.arrayNode();
        for (int i = 0; i < 30_000; i++) {
            huge.add(NODES.objectNode());
        }
        bad.put("30000 empty items", huge);
        return bad;
    }

    // ---- plausible values from the schema -------------------------------------------------------------------------

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0));
        }
        return current;
    }

    private JsonNode plausible(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(p -> object.set(p.getKey(), plausible(p.getValue(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(plausible(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "number" -> {
                return NODES.textNode("12.50");
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.textNode(plausibleText(schema, ""));
            }
        }
    }

    private String plausibleText(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        String format = schema.path("format").asText();
        String type = schema.path("type").asText("string");
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (format.equals("date")) {
            return "2020-04-01";
        }
        if (format.equals("date-time")) {
            return "2020-04-01T00:00:00Z";
        }
        if (type.equals("integer")) {
            return name.toLowerCase().contains("year") ? "2020" : "1";
        }
        if (type.equals("number")) {
            return "0.5";
        }
        if (type.equals("boolean")) {
            return "false";
        }
        return "测试";
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String method, String pathAndQuery, String contentType, byte[] body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        } else {
            // Callers without a token are told apart by address (behind a proxy, the one it forwards): a new one every
            // 150 requests, as callers with a token are, so the fuzz neither meets nor uses up the service's limit.
            int n = anonymous++ / 150;
            request.header("X-Forwarded-For", "198.18." + (n / 256 % 256) + "." + (n % 256));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Variant variant(
            String what,
            Operation op,
            Map<String, String> path,
            Map<String, String> query,
            String type,
            JsonNode body) {
        return new Variant(what, fill(op.path(), path, false) + queryString(query), type, bytes(body));
    }

    /** The path with its parameters filled in, encoded unless {@code raw} (hostile values are sent as they are). */
    private static String fill(String template, Map<String, String> values, boolean raw) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace(
                    "{" + value.getKey() + "}",
                    raw ? value.getValue() : URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
        }
        return path;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        query.forEach((name, value) -> out.append(out.length() > 1 ? "&" : "")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return body == null ? null : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String describe(Operation op, Variant variant) {
        return op.method() + " " + cut(variant.pathAndQuery()) + " [" + variant.what() + "]";
    }

    private static String cut(String text) {
        String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
