package cn.huzhu.enrollment.web;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A plain HTTP client for API tests: every status comes back as it is, the body as JSON. Requests carry a token of the
 * test JVM's issuer: by default a scheme administrator who is also finance (every endpoint's rule names one of them, and
 * neither sees personal data unmasked); {@link #as} another.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STAFF_TOKEN = LocalStack.shared()
            .tokens()
            .token(
                    new LocalTokenIssuer.User("test-staff", List.of("SCHEME_ADMIN", "FINANCE"), null, null, null),
                    Duration.ofHours(6));
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    Api(int port) {
        this("http://127.0.0.1:" + port, STAFF_TOKEN);
    }

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same client with this token (none when null). */
    Api as(String token) {
        return new Api(base, token);
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        String text(String field) {
            return json().path(field).asText();
        }
    }

    Response get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response post(String path, Object body, String... headers) {
        try {
            return post(path, JSON.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Response put(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A POST whose body is sent in chunks, without a Content-Length. */
    Response postChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build());
    }

    Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A multipart/form-data upload of one file in the part {@code file}. */
    Response upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "----huzhu" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\n" + "Content-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(
                    authorized(HttpRequest.newBuilder(URI.create(base + path))
                            .GET()
                            .build()),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpRequest authorized(HttpRequest request) {
        return token == null || request.headers().firstValue("Authorization").isPresent()
                ? request
                : HttpRequest.newBuilder(request, (name, value) -> true)
                        .header("Authorization", "Bearer " + token)
                        .build();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(authorized(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
