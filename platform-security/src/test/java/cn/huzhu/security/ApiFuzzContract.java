package cn.huzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fuzz test of a service's REST API (a {@code @SpringBootTest} with a port): every operation of its OpenAPI
 * document receives malformed variants of a plausible request under every role's token and none; no answer may be a
 * 5xx, every refusal must be problem details, and no refused request may store anything ({@link #storedChanges()}).
 * The count of requests is printed as {@code API fuzz <service>: …}.
 */
public interface ApiFuzzContract {

    /** District of the officer and clerk tokens the requests carry: one no other test counts. */
    String DISTRICT = "磐安县";

    /** Requests sent under one subject before the next (the rate limit is per subject and minute). */
    int REQUESTS_PER_SUBJECT = 150;

    /**
     * A figure that every stored change moves: by default the number of events in the service's event store, which
     * every change of an event-sourced service adds to and from which everything it publishes to Kafka is sent.
     */
    default long storedChanges(ApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from domainevententry", Long.class);
    }

    /** Operations ({@code "POST /api/…"}) that are not sent anything. */
    default boolean skipped(String operation) {
        return false;
    }

    /** How long the requests may take at most (they usually end sooner). */
    default Duration fuzzTime() {
        return Duration.ofSeconds(150);
    }

    @Test
    default void theApiDescriptionDocumentsTheErrorAnswersOfEveryOperationAsProblemDetails(
            @Autowired ApplicationContext context) throws Exception {
        String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
        JsonNode doc = new ObjectMapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        List<String> operations = new ArrayList<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    operations.add(op.getKey() + " " + path.getKey());
                    for (String status : List.of("400", "401", "403", "404", "422", "429")) {
                        assertThat(op.getValue()
                                        .path("responses")
                                        .path(status)
                                        .path("content")
                                        .has("application/problem+json"))
                                .as(op.getKey() + " " + path.getKey() + " documents " + status)
                                .isTrue();
                    }
                }));
        assertThat(operations).as("operations described").hasSizeGreaterThan(2).noneMatch(op -> op.endsWith(" /error"));
    }

    @Test
    default void malformedRequestsAreRefusedAsProblemDetailsAndStoreNothing(@Autowired ApplicationContext context)
            throws Exception {
        String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
        LocalTokenIssuer issuer = LocalStack.shared().tokens();
        List<Role> roles = Role.PEOPLE;
        Map<String, String> tokens = new HashMap<>();
        ApiFuzzer fuzzer = new ApiFuzzer(
                baseUrl,
                n -> {
                    if (n % (roles.size() + 1) == roles.size()) {
                        return null;
                    }
                    Role role = roles.get(n % (roles.size() + 1));
                    String subject =
                            "fuzz-" + role.name().toLowerCase() + "-" + n / ((roles.size() + 1) * REQUESTS_PER_SUBJECT);
                    return tokens.computeIfAbsent(
                            subject,
                            s -> issuer.token(
                                    new LocalTokenIssuer.User(
                                            s,
                                            List.of(role.name()),
                                            UUID.randomUUID().toString(),
                                            UUID.randomUUID().toString(),
                                            DISTRICT),
                                    Duration.ofHours(1)));
                },
                roles.size() + 1,
                () -> storedChanges(context),
                this::skipped,
                19);
        ApiFuzzer.Report report = fuzzer.run(fuzzTime());
        System.out.printf(
                "API fuzz %s: %d requests, %d refused, %d accepted, %d findings%s%n",
                context.getEnvironment().getProperty("spring.application.name", "service"),
                report.requests(),
                report.refused(),
                report.accepted(),
                report.findings().size(),
                report.complete() ? "" : " (time up before every variant was sent)");
        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).as("requests sent").isGreaterThan(300);
        assertThat(report.refused()).as("requests refused").isGreaterThan(report.requests() / 2);
    }
}
