package cn.huzhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** JSON over HTTP as the union's staff ({@link SystemTokens#STAFF}), every status returned as it is. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Response(int status, JsonNode json, String body) {}

    private Http() {}

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static Response post(String url, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Response put(String url, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Response post(String url, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** GET with this bearer token (none when null). */
    static Response getAs(String token, String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call(request.build());
    }

    /** POST with this bearer token (none when null). */
    static Response postAs(String token, String url, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return call(request.build());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Response send(HttpRequest request) {
        return call(HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", SystemTokens.bearer())
                .build());
    }

    private static Response call(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
