package cn.huzhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** HTTP calls as one caller: a bearer token (none when null) and any headers, every status returned as it is. */
record Calls(String token) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A response: its status, its body as JSON (null when empty or not JSON) and its headers. */
    record Answer(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
        String text(String pointer) {
            return json == null ? "" : json.at(pointer).asText();
        }

        /** The refusal code of a problem answer. */
        String code() {
            return text("/code");
        }
    }

    Answer get(String url) {
        return send("GET", url, null);
    }

    Answer post(String url, Object body, String... headers) {
        return send("POST", url, body, headers);
    }

    Answer put(String url, Object body, String... headers) {
        return send("PUT", url, body, headers);
    }

    Answer send(String method, String url, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(
                                method,
                                HttpRequest.BodyPublishers.ofString(
                                        Http.JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : Http.JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
