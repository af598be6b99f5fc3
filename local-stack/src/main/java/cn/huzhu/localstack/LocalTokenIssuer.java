package cn.huzhu.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The token issuer of the local platform and the tests, never deployed: an RSA key generated for this run, its public
 * JWK set at {@code /.well-known/jwks.json} (the services' {@code JWT_JWK_SET_URI}), and signed tokens for the demo users
 * of each role. Listens on the loopback address only.
 *
 * <ul>
 *   <li>{@code GET /tokens}: every demo user with its roles, scope and a fresh token (JSON)</li>
 *   <li>{@code GET /tokens/{user}}: one demo user's token as plain text ({@code TOKEN=$(curl -s localhost:8089/tokens/finance)})</li>
 *   <li>{@code POST /tokens}: a token for {@code {subject, roles:[…], member?, unit?, district?, ttlMinutes?}} (another
 *   unit's clerk, an office of another district …)</li>
 * </ul>
 */
public final class LocalTokenIssuer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration DEMO_TTL = Duration.ofHours(12);

    /** A user the issuer hands tokens to; scope fields are null where they do not apply. */
    public record User(String name, List<String> roles, String member, String unit, String district) {
    }

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final Map<String, User> users = new LinkedHashMap<>();

    private LocalTokenIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts on this port of the loopback address (0: any free port) with a new key. */
    public static LocalTokenIssuer start(int port) {
        try {
            RSAKey key = newKey();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LocalTokenIssuer issuer = new LocalTokenIssuer(key, server);
            server.createContext("/.well-known/jwks.json", issuer::jwks);
            server.createContext("/tokens", issuer::tokens);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "token-issuer");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh 2048-bit RSA signing key (also what a forger would have: a key the services do not know). */
    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/.well-known/jwks.json";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public synchronized void register(User user) {
        users.put(user.name(), user);
    }

    private synchronized User user(String name) {
        return users.get(name);
    }

    public synchronized List<User> users() {
        return List.copyOf(users.values());
    }

    /** A registered user's token, valid for {@link #DEMO_TTL}. */
    public String token(String user) {
        User u = user(user);
        if (u == null) {
            throw new IllegalArgumentException("No such user: " + user);
        }
        return token(u, DEMO_TTL);
    }

    public String token(User user, Duration ttl) {
        return sign(key, user, Instant.now(), ttl);
    }

    /** A token for one role and scope, valid for {@link #DEMO_TTL}. */
    public String token(String subject, String role, String member, String unit, String district) {
        return token(new User(subject, List.of(role), member, unit, district), DEMO_TTL);
    }

    /** A district office's signed identity for the records it sends over Kafka. */
    public String office(String district) {
        return token("office-" + district, "REGIONAL_OFFICE", null, null, district);
    }

    /** Signs claims for this user issued at {@code issuedAt} with any key (the tests forge and expire tokens with it). */
    public String sign(RSAKey with, User user, Instant issuedAt, Duration ttl) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(user.name()).audience("huzhu")
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(ttl))).jwtID(UUID.randomUUID().toString())
                .claim("roles", user.roles());
        if (user.member() != null) {
            claims.claim("member", user.member());
        }
        if (user.unit() != null) {
            claims.claim("unit", user.unit());
        }
        if (user.district() != null) {
            claims.claim("district", user.district());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public RSAKey key() {
        return key;
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
    }

    private void tokens(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && (path.equals("/tokens") || path.equals("/tokens/"))) {
                ArrayNode list = JSON.createArrayNode();
                for (User u : users()) {
                    ObjectNode node = JSON.valueToTree(u);
                    node.put("token", token(u, DEMO_TTL));
                    list.add(node);
                }
                respond(exchange, 200, "application/json", JSON.writeValueAsString(JSON.createObjectNode().put("issuer", issuer)
                        .put("jwkSetUri", jwkSetUri()).set("users", list)));
            } else if ("GET".equals(method)) {
                String name = URLDecoder.decode(path.substring("/tokens/".length()), StandardCharsets.UTF_8);
                User u = user(name);
                if (u == null) {
                    respond(exchange, 404, "text/plain", "No demo user " + name + "; GET /tokens lists them\n");
                } else {
                    respond(exchange, 200, "text/plain", token(u, DEMO_TTL));
                }
            } else if ("POST".equals(method) && path.equals("/tokens")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                List<String> roles = new ArrayList<>();
                body.path("roles").forEach(r -> roles.add(r.asText()));
                if (!body.hasNonNull("subject") || roles.isEmpty()) {
                    respond(exchange, 400, "text/plain", "Give {subject, roles: [...], member?, unit?, district?, ttlMinutes?}\n");
                    return;
                }
                User u = new User(body.get("subject").asText(), roles, text(body, "member"), text(body, "unit"), text(body, "district"));
                respond(exchange, 200, "text/plain", token(u, Duration.ofMinutes(body.path("ttlMinutes").asLong(DEMO_TTL.toMinutes()))));
            } else {
                respond(exchange, 405, "text/plain", "GET /tokens, GET /tokens/{user} or POST /tokens\n");
            }
        } catch (RuntimeException e) {
            respond(exchange, 400, "text/plain", e.getMessage() + "\n");
        }
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
