package cn.huzhu.standin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-in against the realm file docker-compose.yml mounts into Keycloak. */
class RealmTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    private static RealmTokenIssuer issuer(Map<String, String> environment) throws Exception {
        String file = Files.readString(Path.of("../../deploy/keycloak/huzhu-realm.json"));
        JsonNode realm = new ObjectMapper().readTree(RealmTokenIssuer.resolve(file, environment));
        return new RealmTokenIssuer(realm, "http://localhost:8180");
    }

    @Test
    void aDemoUserGetsItsRolesAndTheAudienceThroughThePortalClient() throws Exception {
        RealmTokenIssuer.TokenAnswer answer = issuer(Map.of())
                .token(
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "huzhu-portal",
                                "username",
                                "finance",
                                "password",
                                "huzhu-demo"),
                        NOW);

        assertThat(answer.status()).isEqualTo(200);
        var claims =
                SignedJWT.parse(answer.body().path("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8180/realms/huzhu");
        assertThat(claims.getAudience()).containsExactly("huzhu");
        assertThat(claims.getStringListClaim("roles")).containsExactly("FINANCE");
        assertThat(claims.getExpirationTime()).isAfter(java.util.Date.from(NOW));
    }

    @Test
    void passwordsAndSecretsComeFromTheEnvironmentAsKeycloakReadsThem() throws Exception {
        RealmTokenIssuer issuer =
                issuer(Map.of("HUZHU_DEMO_PASSWORD", "s3cret", "HUZHU_DEMO_LOADER_SECRET", "loader-secret"));

        assertThat(issuer.token(
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "huzhu-portal",
                                        "username",
                                        "finance",
                                        "password",
                                        "huzhu-demo"),
                                NOW)
                        .status())
                .isEqualTo(401);
        assertThat(issuer.token(
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "huzhu-portal",
                                        "username",
                                        "finance",
                                        "password",
                                        "s3cret"),
                                NOW)
                        .status())
                .isEqualTo(200);
        assertThat(issuer.token(
                                Map.of(
                                        "grant_type",
                                        "client_credentials",
                                        "client_id",
                                        "huzhu-demo-loader",
                                        "client_secret",
                                        "huzhu-demo-loader-secret"),
                                NOW)
                        .body()
                        .path("error")
                        .asText())
                .isEqualTo("invalid_client");
        RealmTokenIssuer.TokenAnswer loader = issuer.token(
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "huzhu-demo-loader",
                        "client_secret",
                        "loader-secret"),
                NOW);
        assertThat(SignedJWT.parse(loader.body().path("access_token").asText())
                        .getJWTClaimsSet()
                        .getStringListClaim("roles"))
                .containsExactly("SCHEME_ADMIN");
    }

    @Test
    void anOfficeClientCarriesItsDistrictAndIsItsOwnAuthorisedParty() throws Exception {
        RealmTokenIssuer.TokenAnswer office = issuer(Map.of())
                .token(
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                "office-haishu",
                                "client_secret",
                                "change-me-office-haishu"),
                        NOW);

        var claims =
                SignedJWT.parse(office.body().path("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("district")).isEqualTo("海曙");
        assertThat(claims.getStringClaim("azp")).isEqualTo("office-haishu");
        assertThat(claims.getStringListClaim("roles")).containsExactly("REGIONAL_OFFICE");
    }

    @Test
    void whatTheRealmDoesNotAllowIsRefused() throws Exception {
        RealmTokenIssuer issuer = issuer(Map.of());

        assertThat(issuer.token(
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "huzhu-demo-loader",
                                        "client_secret",
                                        "huzhu-demo-loader-secret",
                                        "username",
                                        "finance",
                                        "password",
                                        "huzhu-demo"),
                                NOW)
                        .status())
                .isEqualTo(400);
        assertThat(issuer.token(Map.of("grant_type", "client_credentials", "client_id", "huzhu-portal"), NOW)
                        .status())
                .isEqualTo(400);
        assertThat(issuer.token(Map.of("grant_type", "password", "client_id", "nobody"), NOW)
                        .status())
                .isEqualTo(401);
        assertThat(issuer.token(
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "huzhu-portal",
                                        "username",
                                        "finance",
                                        "password",
                                        ""),
                                NOW)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theAdministratorProvisionsAMembersLoginAsKeycloaksAdminApiDoes() throws Exception {
        String file = Files.readString(Path.of("../../deploy/keycloak/huzhu-realm.json"));
        RealmTokenIssuer issuer = new RealmTokenIssuer(
                new ObjectMapper().readTree(RealmTokenIssuer.resolve(file, Map.of())),
                "http://localhost:8180",
                "admin",
                "admin-local");

        assertThat(issuer.adminToken(
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "admin-cli",
                                        "username",
                                        "admin",
                                        "password",
                                        "wrong"),
                                NOW)
                        .status())
                .isEqualTo(401);
        String admin = issuer.adminToken(
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                "admin",
                                "password",
                                "admin-local"),
                        NOW)
                .body()
                .path("access_token")
                .asText();
        assertThat(issuer.isAdmin("Bearer " + admin, NOW)).isTrue();
        String finance = issuer.token(
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "huzhu-portal",
                                "username",
                                "finance",
                                "password",
                                "huzhu-demo"),
                        NOW)
                .body()
                .path("access_token")
                .asText();
        assertThat(issuer.isAdmin("Bearer " + finance, NOW))
                .as("a realm user's token")
                .isFalse();

        String id = issuer.createUser(new ObjectMapper().readTree("""
                {"username": "Member-1", "enabled": true, "realmRoles": ["SCHEME_ADMIN"], "attributes": {"member": ["m-1"]},
                 "credentials": [{"type": "password", "value": "pw-1", "temporary": false}]}"""));
        assertThat(issuer.createUser(new ObjectMapper().readTree("{\"username\": \"member-1\"}")))
                .as("the same username")
                .isNull();
        assertThat(issuer.mapRoles(id, new ObjectMapper().readTree("[{\"name\": \"NO_SUCH_ROLE\"}]")))
                .isFalse();
        assertThat(issuer.mapRoles(id, new ObjectMapper().readTree("[{\"name\": \"MEMBER\"}]")))
                .isTrue();

        var claims = SignedJWT.parse(issuer.token(
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "huzhu-portal",
                                        "username",
                                        "member-1",
                                        "password",
                                        "pw-1"),
                                NOW)
                        .body()
                        .path("access_token")
                        .asText())
                .getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles"))
                .as("roles given with the user are not taken")
                .containsExactly("MEMBER");
        assertThat(claims.getStringClaim("member")).isEqualTo("m-1");
    }
}
