package cn.huzhu.standin.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the platform asks of its Keycloak realm, answered from the realm file Keycloak would import: the signing keys
 * ({@code /realms/{realm}/protocol/openid-connect/certs}), tokens for the realm's users (password grant through a client
 * that allows it) and for its service-account clients (client credentials grant, with the client's hard-coded claims),
 * readiness on port 9000 ({@code /health/ready}), and the two calls of Keycloak's admin API that provision a member's
 * login (create a user with its attributes and password, map realm roles to it), for the bootstrap administrator's token
 * from the master realm ({@code admin-cli}, {@code KC_BOOTSTRAP_ADMIN_USERNAME} and {@code _PASSWORD}). Users created
 * so live as long as the process (Keycloak keeps them in its database). Tokens carry what the realm's client scope maps: realm roles in
 * {@code roles}, the user attributes {@code member}, {@code unit} and {@code district}, the audience, {@code azp}.
 * {@code ${VAR:default}} in the file is read from the environment, as Keycloak does; the issuer is
 * {@code KC_HOSTNAME/realms/{realm}}. A key is made per start (tokens issued before a restart no longer verify, as after
 * a key rotation).
 */
public final class RealmTokenIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

    private final JsonNode realm;
    private final String issuer;
    private final String masterIssuer;
    private final RSAKey key;
    private final String adminUser;
    private final String adminPassword;

    RealmTokenIssuer(JsonNode realm, String hostname) {
        this(realm, hostname, "admin", "");
    }

    RealmTokenIssuer(JsonNode realm, String hostname, String adminUser, String adminPassword) {
        this.realm = realm;
        this.issuer = hostname.replaceAll("/+$", "") + "/realms/"
                + realm.path("realm").asText();
        this.masterIssuer = hostname.replaceAll("/+$", "") + "/realms/master";
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        if (!realm.path("users").isArray()) {
            ((ObjectNode) realm).putArray("users");
        }
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path imports = Path.of(System.getenv().getOrDefault("REALM_IMPORT_DIR", "/opt/keycloak/data/import"));
        Path file;
        try (Stream<Path> files = Files.list(imports)) {
            file = files.filter(p -> p.toString().endsWith(".json"))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No realm file (*.json) in " + imports));
        }
        JsonNode realm = JSON.readTree(resolve(Files.readString(file), System.getenv()));
        RealmTokenIssuer issuer = new RealmTokenIssuer(
                realm,
                System.getenv().getOrDefault("KC_HOSTNAME", "http://localhost:8080"),
                System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", ""));
        int port = Integer.parseInt(System.getenv().getOrDefault("KC_HTTP_PORT", "8080"));
        HttpServer api = HttpServer.create(new InetSocketAddress(port), 0);
        api.createContext("/realms/", issuer::realms);
        api.createContext("/admin/realms/", issuer::admin);
        api.setExecutor(Executors.newFixedThreadPool(4));
        HttpServer management = HttpServer.create(new InetSocketAddress(9000), 0);
        management.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\",\"checks\":[]}"));
        api.start();
        management.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.stop(1);
            management.stop(0);
        }));
        System.out.println("Realm " + realm.path("realm").asText() + " from " + file + ": issuer " + issuer.issuer
                + ", port " + port);
    }

    /** The file with each {@code ${VAR}} or {@code ${VAR:default}} replaced from the environment. */
    static String resolve(String text, Map<String, String> environment) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = environment.getOrDefault(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private void realms(HttpExchange exchange) throws IOException {
        String prefix = "/realms/" + realm.path("realm").asText();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/realms/master/protocol/openid-connect/token")
                && exchange.getRequestMethod().equals("POST")) {
            Map<String, String> form;
            try (InputStream body = exchange.getRequestBody()) {
                form = form(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            TokenAnswer answer = adminToken(form, Instant.now());
            respond(exchange, answer.status(), answer.body().toString());
        } else if (path.equals(prefix + "/protocol/openid-connect/certs")) {
            respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
        } else if (path.equals(prefix + "/.well-known/openid-configuration")) {
            respond(
                    exchange,
                    200,
                    JSON.createObjectNode()
                            .put("issuer", issuer)
                            .put("token_endpoint", issuer + "/protocol/openid-connect/token")
                            .put("jwks_uri", issuer + "/protocol/openid-connect/certs")
                            .toString());
        } else if (path.equals(prefix + "/protocol/openid-connect/token")
                && exchange.getRequestMethod().equals("POST")) {
            Map<String, String> form;
            try (InputStream body = exchange.getRequestBody()) {
                form = form(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            TokenAnswer answer = token(form, Instant.now());
            respond(exchange, answer.status(), answer.body().toString());
        } else {
            respond(exchange, 404, "{\"error\":\"Not found\"}");
        }
    }

    /** An answer of the token endpoint: the token, or an OAuth error. */
    record TokenAnswer(int status, ObjectNode body) {}

    synchronized TokenAnswer token(Map<String, String> form, Instant now) {
        String clientId = form.getOrDefault("client_id", "");
        Optional<JsonNode> client = find(realm.path("clients"), "clientId", clientId);
        if (client.isEmpty()) {
            return error(401, "invalid_client", "Unknown client");
        }
        boolean publicClient = client.get().path("publicClient").asBoolean(false);
        if (!publicClient
                && !constantTimeEquals(
                        client.get().path("secret").asText(""), form.getOrDefault("client_secret", ""))) {
            return error(401, "invalid_client", "Invalid client credentials");
        }
        JsonNode user;
        switch (form.getOrDefault("grant_type", "")) {
            case "password" -> {
                if (!client.get().path("directAccessGrantsEnabled").asBoolean(false)) {
                    return error(400, "unauthorized_client", "Client not allowed for direct access grants");
                }
                Optional<JsonNode> named = find(realm.path("users"), "username", form.getOrDefault("username", ""));
                if (named.isEmpty() || !passwordMatches(named.get(), form.getOrDefault("password", ""))) {
                    return error(401, "invalid_grant", "Invalid user credentials");
                }
                user = named.get();
            }
            case "client_credentials" -> {
                if (publicClient || !client.get().path("serviceAccountsEnabled").asBoolean(false)) {
                    return error(400, "unauthorized_client", "Client not enabled to retrieve service account");
                }
                Optional<JsonNode> account = find(realm.path("users"), "serviceAccountClientId", clientId);
                if (account.isEmpty()) {
                    return error(400, "unauthorized_client", "Client has no service account");
                }
                user = account.get();
            }
            default -> {
                return error(400, "unsupported_grant_type", "Unsupported grant_type");
            }
        }
        long lifespan = realm.path("accessTokenLifespan").asLong(300);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject(user))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifespan)))
                .claim("azp", clientId)
                .claim("typ", "Bearer")
                .claim("preferred_username", user.path("username").asText());
        List<String> roles = new ArrayList<>();
        user.path("realmRoles").forEach(role -> roles.add(role.asText()));
        claims.claim("roles", roles);
        for (String attribute : List.of("member", "unit", "district")) {
            JsonNode value = user.path("attributes").path(attribute);
            if (value.isArray() && !value.isEmpty()) {
                claims.claim(attribute, value.get(0).asText());
            } else if (value.isTextual()) {
                claims.claim(attribute, value.asText());
            }
        }
        audience().ifPresent(claims::audience);
        for (JsonNode mapper : client.get().path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper")) {
                claims.claim(
                        mapper.path("config").path("claim.name").asText(),
                        mapper.path("config").path("claim.value").asText());
            }
        }
        ObjectNode body = JSON.createObjectNode()
                .put("access_token", sign(claims.build()))
                .put("expires_in", lifespan)
                .put("token_type", "Bearer")
                .put("scope", "");
        return new TokenAnswer(200, body);
    }

    /** The bootstrap administrator's token from the master realm, for the admin API. */
    TokenAnswer adminToken(Map<String, String> form, Instant now) {
        if (!"admin-cli".equals(form.get("client_id")) || !"password".equals(form.get("grant_type"))) {
            return error(400, "unauthorized_client", "Only admin-cli with the password grant");
        }
        if (adminPassword.isEmpty()
                || !constantTimeEquals(adminUser, form.getOrDefault("username", ""))
                || !constantTimeEquals(adminPassword, form.getOrDefault("password", ""))) {
            return error(401, "invalid_grant", "Invalid user credentials");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(masterIssuer)
                .subject(adminUser)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("azp", "admin-cli")
                .build();
        return new TokenAnswer(
                200,
                JSON.createObjectNode()
                        .put("access_token", sign(claims))
                        .put("expires_in", 60)
                        .put("token_type", "Bearer"));
    }

    /** Whether this is a live token of the bootstrap administrator. */
    boolean isAdmin(String authorization, Instant now) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            SignedJWT token = SignedJWT.parse(authorization.substring("Bearer ".length()));
            return token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))
                    && masterIssuer.equals(token.getJWTClaimsSet().getIssuer())
                    && token.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(now);
        } catch (java.text.ParseException | JOSEException e) {
            return false;
        }
    }

    /**
     * Keycloak's {@code POST /admin/realms/{realm}/users} (a user representation: username, enabled, attributes, password
     * credentials; its realm roles are mapped separately) and {@code POST .../users/{id}/role-mappings/realm}.
     */
    private void admin(HttpExchange exchange) throws IOException {
        if (!isAdmin(exchange.getRequestHeaders().getFirst("Authorization"), Instant.now())) {
            respond(exchange, 401, "{\"error\":\"HTTP 401 Unauthorized\"}");
            return;
        }
        String prefix = "/admin/realms/" + realm.path("realm").asText() + "/users";
        String path = exchange.getRequestURI().getPath();
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readAllBytes());
        }
        if (!exchange.getRequestMethod().equals("POST") || body == null) {
            respond(exchange, 405, "{\"error\":\"Method not allowed\"}");
        } else if (path.equals(prefix)) {
            String id = createUser(body);
            if (id == null) {
                respond(exchange, 409, "{\"errorMessage\":\"User exists with same username\"}");
            } else {
                exchange.getResponseHeaders()
                        .set("Location", issuer.replace("/realms/", "/admin/realms/") + "/users/" + id);
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            }
        } else if (path.startsWith(prefix + "/") && path.endsWith("/role-mappings/realm")) {
            String id = path.substring(prefix.length() + 1, path.length() - "/role-mappings/realm".length());
            if (mapRoles(id, body)) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else {
                respond(exchange, 404, "{\"error\":\"User or role not found\"}");
            }
        } else {
            respond(exchange, 404, "{\"error\":\"Not found\"}");
        }
    }

    /** Adds the user; answers its id, or null when its username is taken. Roles given here are ignored, as Keycloak does. */
    synchronized String createUser(JsonNode representation) {
        String username = representation.path("username").asText("").toLowerCase(java.util.Locale.ROOT);
        if (username.isEmpty()
                || find(realm.path("users"), "username", username).isPresent()) {
            return null;
        }
        ObjectNode user = ((ObjectNode) representation.deepCopy())
                .put("username", username)
                .put("id", UUID.randomUUID().toString());
        user.putArray("realmRoles");
        ((com.fasterxml.jackson.databind.node.ArrayNode) realm.path("users")).add(user);
        return user.get("id").asText();
    }

    synchronized boolean mapRoles(String userId, JsonNode roles) {
        Optional<JsonNode> user = find(realm.path("users"), "id", userId);
        if (user.isEmpty() || !roles.isArray()) {
            return false;
        }
        for (JsonNode role : roles) {
            if (find(
                            realm.path("roles").path("realm"),
                            "name",
                            role.path("name").asText())
                    .isEmpty()) {
                return false;
            }
        }
        com.fasterxml.jackson.databind.node.ArrayNode mapped =
                (com.fasterxml.jackson.databind.node.ArrayNode) user.get().path("realmRoles");
        roles.forEach(role -> mapped.add(role.path("name").asText()));
        return true;
    }

    /** The audience the realm's client scopes add ({@code oidc-audience-mapper}). */
    private Optional<String> audience() {
        for (JsonNode scope : realm.path("clientScopes")) {
            for (JsonNode mapper : scope.path("protocolMappers")) {
                if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                    return Optional.of(mapper.path("config")
                            .path("included.custom.audience")
                            .asText());
                }
            }
        }
        return Optional.empty();
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static String subject(JsonNode user) {
        return user.hasNonNull("id")
                ? user.get("id").asText()
                : UUID.nameUUIDFromBytes(user.path("username").asText().getBytes(StandardCharsets.UTF_8))
                        .toString();
    }

    private static boolean passwordMatches(JsonNode user, String password) {
        for (JsonNode credential : user.path("credentials")) {
            if (credential.path("type").asText("password").equals("password")
                    && constantTimeEquals(credential.path("value").asText(""), password)) {
                return !password.isEmpty();
            }
        }
        return false;
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<JsonNode> find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value) && !value.isEmpty()) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static TokenAnswer error(int status, String error, String description) {
        return new TokenAnswer(
                status, JSON.createObjectNode().put("error", error).put("error_description", description));
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
