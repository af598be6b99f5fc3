package cn.huzhu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml read as Compose reads it (YAML with its merge keys) and compared with the services of the build:
 * each image of the platform is a module, listens where the file says, is given only settings it reads, and every
 * long-running service is health-checked, memory-limited and started after what it needs is healthy.
 */
class ComposeFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATABASE_URL = Pattern.compile("jdbc:postgresql://postgres:5432/([a-z]+)\\?.*");
    private static JsonNode compose;
    private static Map<String, JsonNode> services;

    @BeforeAll
    static void read() throws Exception {
        // SnakeYAML resolves anchors and merge keys (<<) as Compose does
        Object loaded = new Yaml().load(Files.readString(BuiltServices.ROOT.resolve("docker-compose.yml")));
        compose = JSON.valueToTree(loaded);
        services = new TreeMap<>();
        compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
    }

    @Test
    void everyPlatformImageIsAModuleOfTheBuildListeningWhereTheFileSays() {
        List<String> platform = new ArrayList<>();
        services.forEach((name, s) -> {
            String image = s.path("image").asText();
            assertThat(image).as(name).isNotBlank();
            if (!BuiltServices.isPlatformImage(image)) {
                return;
            }
            platform.add(name);
            Path module = BuiltServices.moduleOf(image);
            assertThat(Files.isDirectory(module.resolve("src/main")))
                    .as("%s: no module %s", name, module.getFileName())
                    .isTrue();
            assertThat(module.getFileName().toString()).isEqualTo(name);
            if (!name.equals("demo-data")) {
                int port = BuiltServices.defaultPort(module);
                assertThat(s.path("environment").path("PORT").asText()).as(name).isEqualTo(String.valueOf(port));
                List<String> ports = new ArrayList<>();
                s.path("ports").forEach(p -> ports.add(p.asText()));
                assertThat(ports).as(name).anySatisfy(p -> assertThat(p).endsWith(":" + port));
                assertThat(s.path("healthcheck").path("test").toString())
                        .as(name)
                        .contains(String.valueOf(port));
            }
            s.path("environment")
                    .fieldNames()
                    .forEachRemaining(variable -> assertThat(BuiltServices.reads(module, variable))
                            .as("%s is given %s, which it never reads", name, variable)
                            .isTrue());
        });
        assertThat(platform)
                .contains(
                        "enrollment-service",
                        "claims-service",
                        "payout-service",
                        "reporting-service",
                        "bank-simulator",
                        "demo-data");
    }

    @Test
    void theIdentityProvidersRealmIssuesTheRolesAndClaimsTheServicesReadUnderTheIssuerTheyExpect() throws Exception {
        JsonNode realm = JSON.readTree(
                BuiltServices.ROOT.resolve("deploy/keycloak/huzhu-realm.json").toFile());
        Set<String> roles = new java.util.TreeSet<>();
        realm.at("/roles/realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles)
                .isEqualTo(java.util.Arrays.stream(cn.huzhu.security.Role.values())
                        .map(Enum::name)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        Map<String, String> claims = new TreeMap<>();
        realm.path("clientScopes")
                .forEach(scope -> scope.path("protocolMappers")
                        .forEach(m -> claims.put(
                                m.path("protocolMapper").asText() + ":"
                                        + m.at("/config/claim.name").asText(""),
                                m.at("/config/included.custom.audience").asText(""))));
        assertThat(claims)
                .containsKeys(
                        "oidc-usermodel-realm-role-mapper:" + cn.huzhu.security.Caller.ROLES_CLAIM,
                        "oidc-usermodel-attribute-mapper:" + cn.huzhu.security.Caller.MEMBER_CLAIM,
                        "oidc-usermodel-attribute-mapper:" + cn.huzhu.security.Caller.UNIT_CLAIM,
                        "oidc-usermodel-attribute-mapper:" + cn.huzhu.security.Caller.DISTRICT_CLAIM);
        JsonNode env = services.get("enrollment-service").path("environment");
        assertThat(claims.get("oidc-audience-mapper:"))
                .as("audience")
                .isEqualTo(defaultOf(env.path("JWT_AUDIENCE").asText()));
        JsonNode keycloak = services.get("keycloak");
        String issuer = defaultOf(keycloak.at("/environment/KC_HOSTNAME").asText()) + "/realms/"
                + realm.path("realm").asText();
        assertThat(defaultOf(env.path("JWT_ISSUER").asText())).isEqualTo(issuer);
        assertThat(defaultOf(env.path("JWT_JWK_SET_URI").asText()))
                .isEqualTo("http://keycloak:8080/realms/" + realm.path("realm").asText()
                        + "/protocol/openid-connect/certs");
        assertThat(keycloak.path("volumes").toString())
                .contains("./deploy/keycloak/huzhu-realm.json:/opt/keycloak/data/import/");
        // every client the services' tokens come from carries the claims' scope; offices name their district and their
        // key
        realm.path("clients")
                .forEach(c -> assertThat(c.path("defaultClientScopes").toString())
                        .as(c.path("clientId").asText())
                        .contains("huzhu"));
        realm.path("clients").forEach(c -> {
            if (c.path("clientId").asText().startsWith("office-")) {
                assertThat(c.path("protocolMappers").toString())
                        .as(c.path("clientId").asText())
                        .contains("\"claim.name\":\"district\"");
                // the office's token names the key its records are signed with (cnf.jkt): a token alone carries no
                // record
                assertThat(c.at("/attributes/dpop.bound.access.tokens").asText())
                        .as(c.path("clientId").asText())
                        .isEqualTo("true");
            }
        });
        assertThat(services.get("demo-data")
                        .path("environment")
                        .path("TOKEN_CLIENT_ID")
                        .asText())
                .isEqualTo("huzhu-demo-loader");
    }

    /** The default of a Compose interpolation {@code ${VAR:-default}}, or the value itself. */
    private static String defaultOf(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:-(.*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    @Test
    void longRunningServicesAreCheckedLimitedAndStartedAfterWhatTheyNeed() {
        services.forEach((name, s) -> {
            boolean oneShot = s.path("restart").asText().equals("no");
            if (!oneShot) {
                assertThat(s.path("healthcheck").path("test").isArray())
                        .as("%s healthcheck", name)
                        .isTrue();
                assertThat(s.path("restart").asText()).as(name).isEqualTo("unless-stopped");
            }
            assertThat(s.path("deploy")
                            .path("resources")
                            .path("limits")
                            .path("memory")
                            .asText())
                    .as("%s memory limit", name)
                    .isNotBlank();
            s.path("depends_on").fields().forEachRemaining(d -> {
                assertThat(services).as("%s depends on %s", name, d.getKey()).containsKey(d.getKey());
                assertThat(d.getValue().path("condition").asText())
                        .as("%s waits for %s", name, d.getKey())
                        .isEqualTo("service_healthy");
            });
            s.path("volumes").forEach(v -> {
                String source = v.asText().split(":")[0];
                if (!source.startsWith(".")) {
                    assertThat(compose.path("volumes").has(source))
                            .as("%s: named volume %s declared", name, source)
                            .isTrue();
                } else {
                    assertThat(Files.exists(BuiltServices.ROOT.resolve(source)))
                            .as("%s mounts %s", name, source)
                            .isTrue();
                }
            });
        });
        for (String service : List.of("enrollment-service", "claims-service", "payout-service", "reporting-service")) {
            Set<String> needs = new java.util.TreeSet<>();
            services.get(service).path("depends_on").fieldNames().forEachRemaining(needs::add);
            assertThat(needs).as(service).contains("postgres", "kafka");
        }
        assertThat(services.get("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(services.get("kafka")
                        .path("environment")
                        .path("KAFKA_PROCESS_ROLES")
                        .asText())
                .isEqualTo("broker,controller");
        assertThat(services.get("postgres").path("image").asText()).startsWith("postgres:17");
    }

    @Test
    void eachServiceHasItsOwnDatabaseCreatedOnFirstStart() throws Exception {
        Set<String> created = Set.of(services.get("postgres")
                .path("environment")
                .path("HUZHU_DATABASES")
                .asText()
                .split(" "));
        List<String> used = new ArrayList<>();
        services.forEach((name, s) -> {
            String url = s.path("environment").path("DATABASE_URL").asText();
            if (!url.isEmpty()) {
                Matcher m = DATABASE_URL.matcher(url);
                assertThat(m.matches()).as("%s DATABASE_URL %s", name, url).isTrue();
                used.add(m.group(1));
                assertThat(url)
                        .as("%s: database named after it", name)
                        .contains("/" + name.replace("-service", "") + "?");
            }
        });
        assertThat(used).doesNotHaveDuplicates();
        assertThat(created).containsExactlyInAnyOrderElementsOf(used);
        String script = Files.readString(BuiltServices.ROOT.resolve("deploy/postgres/create-databases.sh"));
        assertThat(script).contains("HUZHU_DATABASES").contains("CREATE DATABASE");
    }
}
