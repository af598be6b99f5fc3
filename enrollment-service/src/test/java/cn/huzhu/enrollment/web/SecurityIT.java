package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.identity.IdNumbers;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import cn.huzhu.localstack.LocalTokenIssuer.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Object-level scope (a unit clerk, a district officer and a member reaching only their own), what each role sees of
 * personal data, tokens that must not be taken, the audit log and the request limits, against the real service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT extends IntegrationTestSupport {

    static final LocalTokenIssuer TOKENS = LocalStack.shared().tokens();
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String DISTRICT_A = "杭州湾";
    static final String DISTRICT_B = "保税";
    static final String CARD = "6222021234567890128";
    static int sequence = 0;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    String unit1;
    String unit2;
    String unit3;
    String member1;
    String member2;
    String member3;
    String idNumber1;

    @BeforeEach
    void unitsAndMembers() {
        admin = new Api(port);
        unit1 = unit(DISTRICT_A);
        unit2 = unit(DISTRICT_A);
        unit3 = unit(DISTRICT_B);
        idNumber1 = idNumber();
        member1 = member(unit1, idNumber1);
        member2 = member(unit2, idNumber());
        member3 = member(unit3, idNumber());
        assertThat(as("MEMBER", member1, unit1, DISTRICT_A)
                        .put(
                                "/api/members/" + member1 + "/bank-account",
                                Map.of(
                                        "bankName",
                                        "中国工商银行",
                                        "accountType",
                                        "CARD",
                                        "number",
                                        CARD,
                                        "holderName",
                                        "安全测试"))
                        .status())
                .as("the member's own account, in force at once")
                .isEqualTo(200);
    }

    static synchronized String idNumber() {
        return IdNumbers.of(
                "330206", LocalDate.of(1975, 5, 5).plusDays(RUN.hashCode() % 300 + 300L), ++sequence * 2 + 1);
    }

    String unit(String district) {
        Api.Response created = admin.post(
                "/api/units",
                Map.of("name", "安全测试单位", "district", district, "nature", "PUBLIC", "insuredHeadcount", 10));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("unitId");
    }

    String member(String unitId, String idNumber) {
        Api.Response created = admin.post(
                "/api/members",
                Map.of(
                        "idNumber",
                        idNumber,
                        "name",
                        "安全测试",
                        "phone",
                        "13800001234",
                        "unitId",
                        unitId,
                        "category",
                        "IN_SERVICE",
                        "serviceCard",
                        true,
                        "realNameVerified",
                        true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("memberId");
    }

    Api as(String role, String member, String unit, String district) {
        return admin.as(TOKENS.token(
                new User("security-" + role.toLowerCase() + "-" + RUN, List.of(role), member, unit, district),
                Duration.ofHours(1)));
    }

    @Test
    void aUnitClerkReachesTheUnitsMembersOnlyAndOthersAreNotFound() {
        Api clerk = as("UNIT_CLERK", null, unit1, DISTRICT_A);
        assertThat(clerk.get("/api/members/" + member1).status()).isEqualTo(200);
        assertThat(clerk.get("/api/units/" + unit1).status()).isEqualTo(200);
        long members = jdbc.queryForObject("select count(*) from member_view", Long.class);

        Api.Response other = clerk.get("/api/members/" + member2);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(unit2).doesNotContain("安全测试");
        assertThat(clerk.get("/api/members/" + member2 + "/enrollments").status())
                .isEqualTo(404);
        assertThat(clerk.get("/api/units/" + unit2).status()).isEqualTo(404);
        assertThat(clerk.put(
                                "/api/members/" + member2 + "/bank-account",
                                Map.of("bankName", "中国银行", "accountType", "CARD", "number", CARD, "holderName", "安全测试"))
                        .status())
                .isEqualTo(404);
        assertThat(clerk.post(
                                "/api/members",
                                Map.of("idNumber", idNumber(), "name", "越权", "unitId", unit2, "category", "IN_SERVICE"))
                        .status())
                .isEqualTo(404);
        assertThat(clerk.post(
                                "/api/enrollments",
                                Map.of("memberId", member2, "planId", "ningbo-2020-inservice-hospital", "shares", 1))
                        .status())
                .isEqualTo(404);
        assertThat(clerk.post(
                                "/api/units/" + unit2 + "/renewals",
                                Map.of("planId", "ningbo-2020-inservice-hospital", "year", 2020))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from member_view", Long.class))
                .as("nothing registered")
                .isEqualTo(members);
        // a member of its own unit it may register
        assertThat(clerk.post(
                                "/api/members",
                                Map.of(
                                        "idNumber",
                                        idNumber(),
                                        "name",
                                        "本单位",
                                        "unitId",
                                        unit1,
                                        "category",
                                        "IN_SERVICE"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aDistrictOfficerReachesItsDistrictOnly() {
        Api officer = as("DISTRICT_OFFICER", null, null, DISTRICT_A);
        assertThat(officer.get("/api/members/" + member2).status()).isEqualTo(200);
        assertThat(officer.get("/api/units/" + unit2).status()).isEqualTo(200);
        assertThat(officer.get("/api/members/" + member3).status()).isEqualTo(404);
        assertThat(officer.get("/api/units/" + unit3).status()).isEqualTo(404);
        Api.Response elsewhere = officer.post(
                "/api/units",
                Map.of("name", "越区单位", "district", DISTRICT_B, "nature", "PUBLIC", "insuredHeadcount", 1));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(officer.post(
                                "/api/units",
                                Map.of(
                                        "name",
                                        "本区单位",
                                        "district",
                                        DISTRICT_A,
                                        "nature",
                                        "PUBLIC",
                                        "insuredHeadcount",
                                        1))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aMemberReachesThemselvesOnlyAndSeesTheirOwnDataInFull() {
        Api member = as("MEMBER", member1, unit1, DISTRICT_A);
        Api.Response own = member.get("/api/members/" + member1);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("idNumber")).isEqualTo(idNumber1);
        assertThat(own.text("phone")).isEqualTo("13800001234");
        assertThat(own.json().path("bankAccount").path("number").asText()).isEqualTo(CARD);
        assertThat(member.get("/api/members/" + member2).status()).isEqualTo(404);
        assertThat(member.post(
                                "/api/enrollments",
                                Map.of("memberId", member2, "planId", "ningbo-2020-inservice-hospital", "shares", 1))
                        .status())
                .isEqualTo(404);
        assertThat(member.get("/api/units/" + unit1).status())
                .as("no unit endpoint for members")
                .isEqualTo(403);
    }

    @Test
    void personalDataIsMaskedExceptForTheRolesThatNeedIt() {
        JsonNode byAdmin = admin.get("/api/members/" + member1).json();
        assertThat(byAdmin.path("idNumber").asText()).contains("*").isNotEqualTo(idNumber1);
        assertThat(byAdmin.path("phone").asText()).contains("*");
        assertThat(byAdmin.path("bankAccount").path("number").asText()).contains("*");
        JsonNode byClerk = as("UNIT_CLERK", null, unit1, DISTRICT_A)
                .get("/api/members/" + member1)
                .json();
        assertThat(byClerk.toString())
                .doesNotContain(idNumber1)
                .doesNotContain(CARD)
                .doesNotContain("13800001234");
        JsonNode byAdjudicator = as("ADJUDICATOR", null, null, null)
                .get("/api/members/" + member1)
                .json();
        assertThat(byAdjudicator.path("idNumber").asText())
                .as("adjudicators match claims to documents")
                .isEqualTo(idNumber1);
        assertThat(byAdjudicator.path("phone").asText()).contains("*");
        assertThat(byAdjudicator.path("bankAccount").path("number").asText()).contains("*");
    }

    @Test
    void tokensThatAreMissingTamperedExpiredOrSignedByAnotherKeyAreRefused() {
        User clerk = new User("security-forger-" + RUN, List.of("UNIT_CLERK"), null, unit1, DISTRICT_A);
        String valid = TOKENS.token(clerk, Duration.ofHours(1));
        assertThat(admin.as(valid).get("/api/members/" + member1).status()).isEqualTo(200);

        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("UNIT_CLERK", "SCHEME_ADMIN");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        String unsigned = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        Map<String, String> refused = new HashMap<>();
        refused.put("no token", null);
        refused.put("tampered", tampered);
        refused.put(
                "expired",
                TOKENS.sign(TOKENS.key(), clerk, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));
        refused.put("another key", TOKENS.sign(LocalTokenIssuer.newKey(), clerk, Instant.now(), Duration.ofHours(1)));
        refused.put("alg none", unsigned);
        refused.put("garbage", "not-a-token");
        refused.forEach((what, token) -> {
            Api.Response response = admin.as(token).get("/api/members/" + member1);
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                    .as(what)
                    .startsWith("Bearer");
            assertThat(response.json().path("status").asInt())
                    .as(what + ": problem details")
                    .isEqualTo(401);
        });
    }

    @Test
    void changesAreAuditedWithWhoWhatWhenAndWhereInALogThatCannotBeChanged() {
        Api officer = as("DISTRICT_OFFICER", null, null, DISTRICT_A);
        Instant before = Instant.now().minusSeconds(1);
        Api.Response created = officer.post(
                "/api/units",
                Map.of("name", "审计单位", "district", DISTRICT_A, "nature", "PUBLIC", "insuredHeadcount", 1));
        assertThat(created.status()).isEqualTo(201);

        JsonNode entries = admin.get("/api/audit?actor=security-district_officer-" + RUN + "&from=" + before)
                .json();
        assertThat(entries).isNotEmpty();
        JsonNode entry = entries.get(0);
        assertThat(entry.path("method").asText()).isEqualTo("POST");
        assertThat(entry.path("path").asText()).isEqualTo("/api/units");
        assertThat(entry.path("status").asInt()).isEqualTo(201);
        assertThat(entry.path("roles").asText()).isEqualTo("DISTRICT_OFFICER");
        assertThat(entry.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(Instant.parse(entry.path("at").asText())).isAfter(before);
        assertThat(as("DISTRICT_OFFICER", null, null, DISTRICT_A)
                        .get("/api/audit")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/audit?limit=501").status())
                .as("pagination cap")
                .isEqualTo(400);

        assertThatThrownBy(() -> jdbc.update(
                        "update audit.entry set actor = 'someone else' where id = ?",
                        entry.path("id").asLong()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update(
                        "delete from audit.entry where id = ?", entry.path("id").asLong()))
                .hasMessageContaining("append-only");
    }

    @Test
    void theApiDescriptionIsOpenAndAsksForABearerToken() {
        Api.Response docs = admin.as(null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json()
                        .at("/components/securitySchemes/bearer-jwt/scheme")
                        .asText())
                .isEqualTo("bearer");
        assertThat(docs.json().path("security").toString()).contains("bearer-jwt");
        assertThat(admin.as(null).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void oversizedBodiesAndUploadsAreRefusedWith413() {
        String huge = "x".repeat(1_100_000);
        Api.Response json = admin.post("/api/members", "{\"name\":\"" + huge + "\"}");
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.json().path("status").asInt()).isEqualTo(413);
        assertThat(admin.postChunked("/api/members", "{\"name\":\"" + huge + "\"}")
                        .status())
                .as("without a length")
                .isEqualTo(413);
        assertThat(admin.postChunked(
                                "/api/units",
                                "{\"name\":\"分块单位\",\"district\":\"" + DISTRICT_A
                                        + "\",\"nature\":\"PUBLIC\",\"insuredHeadcount\":1}")
                        .status())
                .as("a small body without a length")
                .isEqualTo(201);
        byte[] workbook = new byte[11 * 1024 * 1024];
        assertThat(admin.upload(
                                "/api/rosters?unitId=" + unit1 + "&planId=ningbo-2020-inservice-hospital",
                                "roster.xlsx",
                                RosterFiles.XLSX,
                                workbook)
                        .status())
                .isEqualTo(413);
        assertThat(admin.post(
                                "/api/rosters?unitId=" + unit1 + "&planId=ningbo-2020-inservice-hospital",
                                RosterFiles.XLSX,
                                workbook)
                        .status())
                .isEqualTo(413);
    }

    @Test
    void aClientOverTheRateLimitIsAnswered429WithRetryAfter() {
        Api client = as("DASHBOARD_VIEWER", null, null, null);
        int limit = 1200;
        Api.Response last = null;
        for (int i = 0; i < 2 * limit + 1; i++) {
            last = client.get("/api/plans");
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(200);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.json().path("status").asInt()).isEqualTo(429);
        assertThat(admin.get("/api/plans").status())
                .as("other clients are not held back")
                .isEqualTo(200);
    }

    @Test
    void callersWithoutATokenBehindTheIngressAreLimitedEachByTheAddressItForwards() {
        Api anonymous = admin.as(null);
        int limit = 1200;
        Api.Response last = null;
        for (int i = 0; i < 2 * limit + 1; i++) {
            last = anonymous.get("/api/plans", "X-Forwarded-For", "203.0.113.7");
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(401);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(anonymous.get("/api/plans", "X-Forwarded-For", "203.0.113.8").status())
                .as("another client behind the same proxy is not held back")
                .isEqualTo(401);
        assertThat(anonymous
                        .get("/api/plans", "X-Forwarded-For", "203.0.113.7, 203.0.113.8")
                        .status())
                .as("a client that claims the limited address is told by the one the proxy saw (the last it appends)")
                .isEqualTo(401);
    }
}
