package cn.huzhu.localstack;

import cn.huzhu.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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
 *   <li>{@code POST /offices/{district}/sign?topic=&key=} with a record's value as the body: the headers that district's
 *   office puts on that record (its token and the record's proof, as JSON {@code {header: value}}), as its own system would</li>
 * </ul>
 */
public final class LocalTokenIssuer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration DEMO_TTL = Duration.ofHours(12);

    /** A user the issuer hands tokens to; scope fields are null where they do not apply. */
    public record User(String name, List<String> roles, String member, String unit, String district) {}

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, ECKey> officeKeys = new LinkedHashMap<>();

    /** Office ids of the districts the demo data and the tests use; any other district gets one from a digest of its name. */
    private static final Map<String, String> OFFICE_IDS = Map.ofEntries(
            Map.entry("海曙", "office-haishu"),
            Map.entry("江北", "office-jiangbei"),
            Map.entry("北仑", "office-beilun"),
            Map.entry("镇海", "office-zhenhai"),
            Map.entry("鄞州", "office-yinzhou"),
            Map.entry("奉化", "office-fenghua"),
            Map.entry("余姚", "office-yuyao"),
            Map.entry("慈溪", "office-cixi"),
            Map.entry("宁海", "office-ninghai"),
            Map.entry("象山", "office-xiangshan"),
            Map.entry("财贸", "office-caimao"),
            Map.entry("衢江", "office-qujiang"),
            Map.entry("江山", "office-jiangshan"),
            Map.entry("武进", "office-wujin"),
            Map.entry("越城", "office-yuecheng"),
            Map.entry("柯桥", "office-keqiao"),
            Map.entry("吴兴区", "office-wuxing"));

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
            server.createContext("/offices/", issuer::offices);
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
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
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

    /**
     * A district office's access token for the records it sends over Kafka: role REGIONAL_OFFICE, its {@code district},
     * its office id in {@code azp} (the Kafka user and the suffix of its answer topics) and, in {@code cnf.jkt}, the
     * thumbprint of the office's own key, which signs each record's proof ({@link #officeHeaders}).
     */
    public String office(String district) {
        return officeToken(district, Instant.now(), DEMO_TTL);
    }

    /** As {@link #office(String)}, issued at {@code issuedAt} for {@code ttl} (the tests send expired identities). */
    public String officeToken(String district, Instant issuedAt, Duration ttl) {
        String officeId = officeId(district);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(officeId)
                .audience("huzhu")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("REGIONAL_OFFICE"))
                .claim("district", district)
                .claim("azp", officeId)
                .claim("cnf", Map.of("jkt", thumbprint(officeKey(district))));
        return signed(key, claims.build());
    }

    /**
     * The headers a district office's record carries: its access token, and a proof signed with the office's key that
     * binds the token to this record (topic, key, a digest of the value, when it was signed).
     */
    public Map<String, byte[]> officeHeaders(String district, String topic, String recordKey, byte[] value) {
        return officeHeaders(district, office(district), topic, recordKey, value);
    }

    /**
     * As {@link #officeHeaders(String, String, String, byte[])} with a token the office already holds: an office keeps its
     * token until it expires and signs only each record's proof.
     */
    public Map<String, byte[]> officeHeaders(
            String district, String officeToken, String topic, String recordKey, byte[] value) {
        return Map.of(
                Topics.OFFICE_IDENTITY_HEADER,
                officeToken.getBytes(StandardCharsets.UTF_8),
                Topics.OFFICE_PROOF_HEADER,
                officeProof(officeKey(district), topic, recordKey, value, Instant.now())
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** A record proof signed with this key at {@code signedAt} (the tests sign with keys of their own and at other times). */
    public static String officeProof(ECKey with, String topic, String recordKey, byte[] value, Instant signedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(signedAt))
                .claim("topic", topic)
                .claim("key", recordKey)
                .claim("digest", digest(value))
                .build();
        SignedJWT proof = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType(Topics.OFFICE_PROOF_TYPE))
                        .jwk(with.toPublicJWK())
                        .build(),
                claims);
        try {
            ECDSASigner signer =
                    new ECDSASigner(with.toECPrivateKey(BouncyCastleProviderSingleton.getInstance()), Curve.P_256);
            signer.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
            proof.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return proof.serialize();
    }

    /** The office's own signing key (made for this run, one per district). */
    public synchronized ECKey officeKey(String district) {
        return officeKeys.computeIfAbsent(district, d -> {
            try {
                return new ECKeyGenerator(Curve.P_256).keyID(officeId(d)).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A fresh P-256 key: an office's, or a thief's. */
    public static ECKey newOfficeKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The office id of a district (the name of its Kafka user and the suffix of its answer topics). */
    public static String officeId(String district) {
        String known = OFFICE_IDS.get(district);
        if (known != null) {
            return known;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(district.getBytes(StandardCharsets.UTF_8));
            return "office-" + java.util.HexFormat.of().formatHex(hash, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String thumbprint(ECKey office) {
        try {
            return office.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(byte[] value) {
        try {
            return java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            java.security.MessageDigest.getInstance("SHA-256").digest(value));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs claims for this user issued at {@code issuedAt} with any key (the tests forge and expire tokens with it). */
    public String sign(RSAKey with, User user, Instant issuedAt, Duration ttl) {
        return signed(with, claims(user, issuedAt, ttl));
    }

    private JWTClaimsSet claims(User user, Instant issuedAt, Duration ttl) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.name())
                .audience("huzhu")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
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
        return claims.build();
    }

    private static String signed(RSAKey with, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(with.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
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
                respond(
                        exchange,
                        200,
                        "application/json",
                        JSON.writeValueAsString(JSON.createObjectNode()
                                .put("issuer", issuer)
                                .put("jwkSetUri", jwkSetUri())
                                .set("users", list)));
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
                    respond(
                            exchange,
                            400,
                            "text/plain",
                            "Give {subject, roles: [...], member?, unit?, district?, ttlMinutes?}\n");
                    return;
                }
                User u = new User(
                        body.get("subject").asText(),
                        roles,
                        text(body, "member"),
                        text(body, "unit"),
                        text(body, "district"));
                respond(
                        exchange,
                        200,
                        "text/plain",
                        token(u, Duration.ofMinutes(body.path("ttlMinutes").asLong(DEMO_TTL.toMinutes()))));
            } else {
                respond(exchange, 405, "text/plain", "GET /tokens, GET /tokens/{user} or POST /tokens\n");
            }
        } catch (RuntimeException e) {
            respond(exchange, 400, "text/plain", e.getMessage() + "\n");
        }
    }

    private void offices(HttpExchange exchange) throws IOException {
        try {
            String[] path = exchange.getRequestURI().getPath().split("/");
            Map<String, String> query = new LinkedHashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || path.length != 4
                    || !"sign".equals(path[3])
                    || !query.containsKey("topic")) {
                respond(
                        exchange,
                        400,
                        "text/plain",
                        "POST /offices/{district}/sign?topic=&key= with the record's value as the body\n");
                return;
            }
            String district = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
            ObjectNode headers = JSON.createObjectNode();
            officeHeaders(
                            district,
                            query.get("topic"),
                            query.get("key"),
                            exchange.getRequestBody().readAllBytes())
                    .forEach((name, value) -> headers.put(name, new String(value, StandardCharsets.UTF_8)));
            respond(exchange, 200, "application/json", JSON.writeValueAsString(headers));
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
