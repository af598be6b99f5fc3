package cn.huzhu.security;

import cn.huzhu.localstack.LocalTokenIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix of a service, read from one table (a test resource, one endpoint per line: method, path as
 * mapped, then the roles that may call it, or {@code OPEN}), checked two ways against the running service:
 * <ol>
 *   <li>the table names exactly the service's endpoints: a new endpoint without a row fails the build;</li>
 *   <li>every endpoint is called without a token and with a token of every role: no token → 401 (open endpoints
 *   excepted), a role the row does not name → 403, a role it names → neither (the request gets as far as the endpoint,
 *   which answers 400/404/422 to the placeholder ids and empty bodies sent).</li>
 * </ol>
 */
public final class AccessMatrix {

    public record Row(String method, String path, Set<Role> roles, boolean open) {
        String key() {
            return method + " " + path;
        }
    }

    private final List<Row> rows;

    private AccessMatrix(List<Row> rows) {
        this.rows = rows;
    }

    public static AccessMatrix read(String resource) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AccessMatrix.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No table " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                Set<Role> roles = EnumSet.noneOf(Role.class);
                boolean open = false;
                for (int i = 2; i < parts.length; i++) {
                    if (parts[i].equals("OPEN")) {
                        open = true;
                    } else {
                        roles.add(Role.valueOf(parts[i]));
                    }
                }
                rows.add(new Row(parts[0], parts[1], roles, open));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new AccessMatrix(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Every {@code METHOD /path} the service's controllers map under {@code /api/}. */
    public static Set<String> endpoints(ApplicationContext context) {
        Set<String> found = new TreeSet<>();
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    found.add("ANY " + path);
                }
                methods.forEach(m -> found.add(m.name() + " " + path));
            }
        }
        return found;
    }

    /** Rows of the table for which the service maps no endpoint, and endpoints the table has no row for. */
    public List<String> differencesFrom(Set<String> endpoints) {
        List<String> differences = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.add(r.key()));
        endpoints.stream()
                .filter(e -> !listed.contains(e))
                .forEach(e -> differences.add("endpoint without a rule in the table: " + e));
        listed.stream()
                .filter(r -> !endpoints.contains(r))
                .forEach(r -> differences.add("row of the table without an endpoint: " + r));
        return differences;
    }

    /**
     * Calls every row's endpoint without a token and with {@code tokenFor} each role; answers every call that got another
     * status than the table says.
     */
    public List<String> violations(String baseUrl, Function<Role, String> tokenFor) {
        HttpClient http = HttpClient.newHttpClient();
        List<String> violations = new ArrayList<>();
        for (Row row : rows) {
            String path = row.path()
                    .replaceAll("\\{year}", "2030")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            List<Role> callers = new ArrayList<>(List.of(Role.values()));
            callers.add(null);
            for (Role role : callers) {
                int status = call(http, baseUrl + path, row.method(), role == null ? null : tokenFor.apply(role));
                String who = role == null ? "no token" : role.name();
                if (role == null && !row.open() && status != 401) {
                    violations.add(row.key() + " with " + who + ": " + status + ", expected 401");
                } else if (role != null && !row.open() && !row.roles().contains(role) && status != 403) {
                    violations.add(row.key() + " as " + who + ": " + status + ", expected 403");
                } else if ((row.open() || role != null && row.roles().contains(role))
                        && (status == 401 || status == 403)) {
                    violations.add(row.key() + " as " + who + ": " + status + ", expected to reach the endpoint");
                }
            }
        }
        return violations;
    }

    /**
     * A token of the test JVM's issuer for each role, scoped to a member, unit and district of nobody's (so object-level
     * checks never let it through).
     */
    public static Function<Role, String> strangers(LocalTokenIssuer tokens) {
        return role -> tokens.token(
                new LocalTokenIssuer.User(
                        "matrix-" + role.name().toLowerCase(),
                        List.of(role.name()),
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "无此区"),
                Duration.ofHours(1));
    }

    private static int call(HttpClient http, String url, String method, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET") || method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
