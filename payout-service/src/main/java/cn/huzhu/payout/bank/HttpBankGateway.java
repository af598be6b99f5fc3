package cn.huzhu.payout.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bank's transfer API over HTTP (JSON). Account numbers travel in the body only and are never logged. */
public class HttpBankGateway implements BankGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpBankGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String notifyUrl;
    private final Duration timeout;

    /**
     * @param notifyUrl where the bank may send its confirmations as well (null: answers only)
     * @param timeout   how long an answer is waited for; after it the outcome is {@link Outcome#UNKNOWN}
     */
    public HttpBankGateway(String baseUrl, String notifyUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.notifyUrl = notifyUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public Answer send(Transfer t) {
        ObjectNode body = transfer(t);
        if (notifyUrl != null) {
            body.put("notifyUrl", notifyUrl);
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/transfers"))
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                return new Answer(t.reference(), Outcome.DUPLICATE_REFERENCE, null, null);
            }
            if (response.statusCode() != 200) {
                log.warn(
                        "Bank answered {} to transfer {}: outcome unknown, its status will be asked",
                        response.statusCode(),
                        t.reference());
                return new Answer(t.reference(), Outcome.UNKNOWN, "HTTP_" + response.statusCode(), null);
            }
            return answer(t.reference(), JSON.readTree(response.body()));
        } catch (IOException e) {
            log.warn(
                    "No answer from the bank to transfer {} ({}): outcome unknown, its status will be asked",
                    t.reference(),
                    e.getClass().getSimpleName());
            return new Answer(t.reference(), Outcome.UNKNOWN, e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(t.reference(), Outcome.UNKNOWN, "INTERRUPTED", null);
        }
    }

    /** {@code POST /transfer-batches}: one request for the group, one result per transfer; no usable answer leaves every outcome unknown. */
    @Override
    public List<Answer> sendAll(List<Transfer> transfers) {
        if (transfers.size() == 1) {
            return List.of(send(transfers.get(0)));
        }
        ObjectNode body = JSON.createObjectNode();
        if (notifyUrl != null) {
            body.put("notifyUrl", notifyUrl);
        }
        ArrayNode items = body.putArray("transfers");
        transfers.forEach(t -> items.add(transfer(t)));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/transfer-batches"))
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn(
                        "Bank answered {} to a group of {} transfers: outcomes unknown, their status will be asked",
                        response.statusCode(),
                        transfers.size());
                return unknown(transfers, "HTTP_" + response.statusCode());
            }
            Map<String, JsonNode> results = new HashMap<>();
            JSON.readTree(response.body())
                    .path("results")
                    .forEach(r -> results.put(r.path("reference").asText(), r));
            List<Answer> answers = new ArrayList<>(transfers.size());
            for (Transfer t : transfers) {
                JsonNode r = results.get(t.reference());
                answers.add(
                        r == null
                                ? new Answer(t.reference(), Outcome.UNKNOWN, "NOT_ANSWERED", null)
                                : "DUPLICATE_REFERENCE".equals(r.path("status").asText())
                                        ? new Answer(t.reference(), Outcome.DUPLICATE_REFERENCE, null, null)
                                        : answer(t.reference(), r));
            }
            return answers;
        } catch (IOException e) {
            log.warn(
                    "No answer from the bank to a group of {} transfers ({}): outcomes unknown, their status will be asked",
                    transfers.size(),
                    e.getClass().getSimpleName());
            return unknown(transfers, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(transfers, "INTERRUPTED");
        }
    }

    @Override
    public Answer status(String reference) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/transfers/" + reference))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return new Answer(reference, Outcome.NOT_FOUND, null, null);
            }
            if (response.statusCode() != 200) {
                return new Answer(reference, Outcome.UNKNOWN, "HTTP_" + response.statusCode(), null);
            }
            return answer(reference, JSON.readTree(response.body()));
        } catch (IOException e) {
            return new Answer(reference, Outcome.UNKNOWN, e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(reference, Outcome.UNKNOWN, "INTERRUPTED", null);
        }
    }

    @Override
    public Statement statement(String batchId) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/batches/" + batchId + "/statement"))
                            .timeout(timeout.multipliedBy(6))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BankUnavailableException(
                        "The bank answered " + response.statusCode() + " to the statement of batch " + batchId);
            }
            JsonNode body = JSON.readTree(response.body());
            List<StatementLine> lines = new ArrayList<>();
            body.path("transfers")
                    .forEach(l -> lines.add(new StatementLine(
                            l.path("reference").asText(),
                            new BigDecimal(l.path("amount").asText()))));
            return new Statement(
                    batchId,
                    body.path("count").asInt(),
                    new BigDecimal(body.path("amount").asText("0")),
                    lines);
        } catch (IOException e) {
            throw new BankUnavailableException("No statement from the bank for batch " + batchId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BankUnavailableException("Interrupted while asking for a statement", e);
        }
    }

    private static ObjectNode transfer(Transfer t) {
        return JSON.createObjectNode()
                .put("reference", t.reference())
                .put("payoutId", t.payoutId())
                .put("batchId", t.batchId())
                .put("accountNumber", t.accountNumber())
                .put("holderName", t.holderName())
                .put("bankName", t.bankName())
                .put("amount", t.amount().toPlainString());
    }

    private static List<Answer> unknown(List<Transfer> transfers, String reason) {
        return transfers.stream()
                .map(t -> new Answer(t.reference(), Outcome.UNKNOWN, reason, null))
                .toList();
    }

    /** Reads a transfer's answer; an answer the gateway cannot read is unknown (the status is asked later). */
    static Answer answer(String reference, JsonNode body) {
        String status = body.path("status").asText();
        Outcome outcome;
        switch (status) {
            case "SUCCEEDED", "FAILED", "REJECTED" -> outcome = Outcome.valueOf(status);
            default -> outcome = Outcome.UNKNOWN;
        }
        String reason = body.hasNonNull("reason") ? body.get("reason").asText() : null;
        String tx = body.hasNonNull("bankTransactionId")
                ? body.get("bankTransactionId").asText()
                : null;
        return new Answer(reference, outcome, reason, tx);
    }
}
