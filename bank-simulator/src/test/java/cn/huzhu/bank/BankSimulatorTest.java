package cn.huzhu.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReferenceIsExecutedOnceAndCountedPerPayout() throws Exception {
        try (BankSimulator bank = BankSimulator.start(0, null)) {
            HttpResponse<String> first = post(bank, transfer("R-1", "P-1", "120.50"));
            HttpResponse<String> again = post(bank, transfer("R-1", "P-1", "120.50"));
            HttpResponse<String> retry = post(bank, transfer("R-2", "P-1", "120.50"));

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(first.body()).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(again.body()).get("originalStatus").asText())
                    .isEqualTo("SUCCEEDED");
            assertThat(retry.statusCode()).isEqualTo(200);
            JsonNode summary = get(bank, "/admin/summary");
            assertThat(summary.get("executed").asInt()).isEqualTo(2);
            assertThat(summary.get("payoutsPaidMoreThanOnce").get(0).asText()).isEqualTo("P-1");
            assertThat(bank.requests()).isEqualTo(3);
        }
    }

    @Test
    void statusOfAReferenceAndTheBatchStatement() throws Exception {
        try (BankSimulator bank = BankSimulator.start(0, null)) {
            bank.faults(new Faults(0, 0, 0, 0, 0, Set.of("6222020000000000003")));
            post(bank, transfer("R-1", "P-1", "100.00"));
            post(bank, transfer("R-2", "P-2", "23.45"));
            HttpResponse<String> rejected =
                    post(bank, transfer("R-3", "P-3", "9.00").replace("6222021234567890128", "6222020000000000003"));

            assertThat(JSON.readTree(rejected.body()).get("reason").asText()).isEqualTo("ACCOUNT_INVALID");
            assertThat(get(bank, "/transfers/R-2").get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create(bank.baseUrl() + "/transfers/R-9"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);
            JsonNode statement = get(bank, "/batches/B-1/statement");
            assertThat(statement.get("count").asInt()).isEqualTo(2);
            assertThat(statement.get("amount").asText()).isEqualTo("123.45");
        }
    }

    @Test
    void aTimedOutTransferWasExecutedAndTheStatusQuerySaysSo() throws Exception {
        try (BankSimulator bank = BankSimulator.start(0, null)) {
            bank.faults(new Faults(1, 2_000, 0, 0, 0, Set.of()));
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(bank.baseUrl() + "/transfers"))
                                .timeout(Duration.ofMillis(300))
                                .POST(HttpRequest.BodyPublishers.ofString(transfer("R-1", "P-1", "5.00")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("the answer should have come too late");
            } catch (HttpTimeoutException expected) {
                assertThat(get(bank, "/transfers/R-1").get("status").asText()).isEqualTo("SUCCEEDED");
            }
        }
    }

    @Test
    void aBatchRequestExecutesEachReferenceOnceWithAResultPerTransfer() throws Exception {
        try (BankSimulator bank = BankSimulator.start(0, null)) {
            bank.faults(new Faults(0, 0, 0, 0, 0, Set.of("6222020000000000003")));
            post(bank, transfer("R-1", "P-1", "100.00"));
            String batch =
                    "{\"transfers\":[" + transfer("R-1", "P-1", "100.00") + "," + transfer("R-2", "P-2", "20.00") + ","
                            + transfer("R-3", "P-3", "3.00").replace("6222021234567890128", "6222020000000000003") + ","
                            + transfer("R-4", "P-4", "-1.00") + "]}";
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(bank.baseUrl() + "/transfer-batches"))
                            .POST(HttpRequest.BodyPublishers.ofString(batch))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode results = JSON.readTree(answer.body()).get("results");
            assertThat(results).hasSize(4);
            assertThat(results.get(0).get("status").asText()).isEqualTo("DUPLICATE_REFERENCE");
            assertThat(results.get(1).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(results.get(1).get("bankTransactionId").asText()).startsWith("BK");
            assertThat(results.get(2).get("reason").asText()).isEqualTo("ACCOUNT_INVALID");
            assertThat(results.get(3).get("status").asText()).isEqualTo("BAD_REQUEST");
            assertThat(bank.executedByPayout()).containsOnlyKeys("P-1", "P-2");
            assertThat(bank.executedByPayout().get("P-1")).hasSize(1);
            assertThat(get(bank, "/batches/B-1/statement").get("amount").asText())
                    .isEqualTo("120.00");
        }
    }

    @Test
    void theLedgerSurvivesARestart(@TempDir Path dir) throws Exception {
        Path ledger = dir.resolve("bank.jsonl");
        try (BankSimulator bank = BankSimulator.start(0, ledger)) {
            post(bank, transfer("R-1", "P-1", "100.00"));
        }
        try (BankSimulator bank = BankSimulator.start(0, ledger)) {
            assertThat(post(bank, transfer("R-1", "P-1", "100.00")).statusCode())
                    .isEqualTo(409);
            assertThat(bank.executedByPayout()).containsOnlyKeys("P-1");
        }
    }

    private static String transfer(String reference, String payout, String amount) {
        return "{\"reference\":\"" + reference + "\",\"payoutId\":\"" + payout + "\",\"batchId\":\"B-1\","
                + "\"accountNumber\":\"6222021234567890128\",\"holderName\":\"王芳\",\"amount\":\"" + amount + "\"}";
    }

    private HttpResponse<String> post(BankSimulator bank, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(bank.baseUrl() + "/transfers"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(BankSimulator bank, String path) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(bank.baseUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }
}
