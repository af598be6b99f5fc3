package cn.huzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fuzzer finds what it is meant to find, against a small server that misbehaves in each way. */
class ApiFuzzerTest {

    private static final String DOC = """
            {"openapi":"3.1.0","paths":{
              "/api/things":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}},
              "/api/things/{id}":{"get":{"parameters":[{"name":"id","in":"path","schema":{"type":"string","format":"uuid"}}]}},
              "/api/reports":{"get":{"parameters":[{"name":"year","in":"query","schema":{"type":"integer"}}]}}},
             "components":{"schemas":{"Thing":{"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"}}}}}}""";

    private final AtomicLong stored = new AtomicLong();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/api-docs", e -> answer(e, 200, "application/json", DOC));
        // stores a thing with a field it does not know, then refuses it
        server.createContext("/api/things", e -> {
            String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (e.getRequestMethod().equals("POST")) {
                if (body.contains("unexpected")) {
                    stored.incrementAndGet();
                }
                answer(e, 400, "application/problem+json", "{\"status\":400}");
            } else {
                answer(e, 404, "text/html", "<html>not found</html>");
            }
        });
        // fails on a year it cannot parse
        server.createContext("/api/reports", e -> {
            String query = e.getRequestURI().getRawQuery();
            boolean number = query != null && query.matches("year=\\d{1,9}");
            answer(e, number ? 200 : 500, "application/json", "{}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void findsServerErrorsRefusalsThatAreNotProblemDetailsAndRefusedRequestsThatStored() throws Exception {
        ApiFuzzer.Report report = new ApiFuzzer(
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        n -> n % 2 == 0 ? "t" : null,
                        2,
                        stored::get,
                        op -> false,
                        1)
                .run(Duration.ofMinutes(2));

        assertThat(report.complete()).isTrue();
        assertThat(report.findings())
                .extracting(ApiFuzzer.Finding::what)
                .anySatisfy(what -> assertThat(what).startsWith("server error"))
                .anySatisfy(what -> assertThat(what).startsWith("not problem details"))
                .anySatisfy(what -> assertThat(what).isEqualTo("refused, yet something was stored"));
        assertThat(report.findings())
                .filteredOn(f -> f.what().startsWith("refused, yet"))
                .allSatisfy(f -> assertThat(f.request()).endsWith("[body with an extra field]"));
        assertThat(report.findings())
                .filteredOn(f -> f.what().startsWith("server error"))
                .allSatisfy(f -> assertThat(f.request()).startsWith("GET /api/reports"));
        assertThat(report.accepted())
                .as("the plausible report request and its variants with a number")
                .isPositive();
    }

    @Test
    void skipsTheOperationsItIsToldTo() throws Exception {
        ApiFuzzer.Report report = new ApiFuzzer(
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        n -> "t",
                        1,
                        stored::get,
                        op -> !op.startsWith("GET /api/reports"),
                        1)
                .run(Duration.ofMinutes(2));

        assertThat(stored.get()).isZero();
        assertThat(report.requests()).isPositive();
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.request()).startsWith("GET /api/reports"));
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
