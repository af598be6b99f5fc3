package cn.huzhu.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo data set (units, members and enrolments in six Ningbo districts) through the public
 * REST API: the enrolments of 2020 as the scheme administrator's migrations of what was paid then, the others as
 * enrolments applied for today (pending until their premium is collected). Every request carries an Idempotency-Key derived from the data, so loading again changes nothing.
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String enrollmentUrl;
    private final String token;

    /**
     * @param token a scheme administrator's bearer token
     */
    public DemoData(String enrollmentUrl, String token) {
        this.enrollmentUrl = enrollmentUrl;
        this.token = token;
    }

    /**
     * What was loaded, and one member with their unit and district (the local platform gives its demo member, unit clerk
     * and district officer these scopes); every district of the data.
     */
    public record Loaded(
            int units,
            int members,
            int enrollments,
            int refused,
            String memberId,
            String unitId,
            String district,
            List<String> districts) {}

    /**
     * Loads the demo data into the enrolment service at {@code ENROLLMENT_URL} (the demo-data container of docker-compose)
     * as a scheme administrator: the token in {@code HUZHU_TOKEN}, or one from the identity provider's client credentials
     * grant at {@code TOKEN_URL} with {@code TOKEN_CLIENT_ID} and {@code TOKEN_CLIENT_SECRET}.
     */
    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("ENROLLMENT_URL", "http://127.0.0.1:8081");
        String token = System.getenv("HUZHU_TOKEN");
        if ((token == null || token.isBlank()) && System.getenv("TOKEN_URL") != null) {
            token = clientCredentials(
                    System.getenv("TOKEN_URL"), System.getenv("TOKEN_CLIENT_ID"), System.getenv("TOKEN_CLIENT_SECRET"));
        }
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "Set HUZHU_TOKEN to a SCHEME_ADMIN token, or TOKEN_URL, TOKEN_CLIENT_ID and TOKEN_CLIENT_SECRET");
        }
        Loaded loaded = new DemoData(url, token.strip()).load();
        System.out.printf(
                "Demo data loaded into %s: %d units, %d members, %d enrolments (%d refused by the plan rules)%n",
                url, loaded.units(), loaded.members(), loaded.enrollments(), loaded.refused());
    }

    /** An access token from an OAuth2 token endpoint's client credentials grant. */
    static String clientCredentials(String tokenUrl, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret == null ? "" : secret, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(tokenUrl))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The token endpoint answered " + response.statusCode());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Loaded load() {
        JsonNode data = read();
        Map<String, String> unitIds = new HashMap<>();
        Map<String, String> unitDistricts = new HashMap<>();
        Map<String, String> memberIds = new HashMap<>();
        for (JsonNode unit : data.path("units")) {
            ObjectNode body = ((ObjectNode) unit.deepCopy());
            body.remove("key");
            JsonNode created =
                    post("/api/units", body, "demo-" + unit.path("key").asText(), 201);
            unitIds.put(unit.path("key").asText(), created.path("unitId").asText());
            unitDistricts.put(unit.path("key").asText(), unit.path("district").asText());
        }
        for (JsonNode member : data.path("members")) {
            ObjectNode body = ((ObjectNode) member.deepCopy());
            body.remove("key");
            body.remove("unit");
            body.put("unitId", unitIds.get(member.path("unit").asText()));
            JsonNode created =
                    post("/api/members", body, "demo-" + member.path("key").asText(), 201, 409);
            memberIds.put(member.path("key").asText(), created.path("memberId").asText());
        }
        int enrolled = 0;
        int refused = 0;
        int n = 0;
        for (JsonNode enrollment : data.path("enrollments")) {
            ObjectNode body = ((ObjectNode) enrollment.deepCopy());
            body.remove("member");
            body.put("memberId", memberIds.get(enrollment.path("member").asText()));
            boolean accepted;
            if (body.has("paidOn")) {
                // a historical enrolment (2020), paid in the legacy system: the scheme administrator migrates it
                JsonNode answer = post(
                        "/api/enrollments/migrations",
                        JSON.createObjectNode()
                                .set("items", JSON.createArrayNode().add(body)),
                        "demo-enrollment-" + n++,
                        200);
                accepted = answer.path("accepted").asInt() == 1;
            } else {
                accepted = post("/api/enrollments", body, "demo-enrollment-" + n++, 201, 422)
                        .has("enrollment");
            }
            if (accepted) {
                enrolled++;
            } else {
                refused++;
            }
        }
        JsonNode first = data.path("members").get(0);
        String firstUnit = first.path("unit").asText();
        return new Loaded(
                unitIds.size(),
                memberIds.size(),
                enrolled,
                refused,
                memberIds.get(first.path("key").asText()),
                unitIds.get(firstUnit),
                unitDistricts.get(firstUnit),
                unitDistricts.values().stream().distinct().sorted().toList());
    }

    private JsonNode post(String path, JsonNode body, String idempotencyKey, int... accepted) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(enrollmentUrl + path))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", idempotencyKey)
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (int status : accepted) {
                if (response.statusCode() == status) {
                    return JSON.readTree(response.body());
                }
            }
            throw new IllegalStateException(
                    "Demo data: POST " + path + " answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/demo-data.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
