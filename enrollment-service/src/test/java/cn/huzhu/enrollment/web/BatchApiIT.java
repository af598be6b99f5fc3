package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.identity.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchApiIT extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String unitId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        unitId = api.post(
                        "/api/units",
                        Map.of("name", "批量单位", "district", "慈溪", "nature", "NON_PUBLIC", "insuredHeadcount", 300))
                .text("unitId");
    }

    Map<String, Object> member(String idNumber) {
        return Map.of(
                "idNumber",
                idNumber,
                "name",
                "批量会员",
                "unitId",
                unitId,
                "category",
                "IN_SERVICE",
                "serviceCard",
                true,
                "realNameVerified",
                true);
    }

    static List<String> statuses(JsonNode batch) {
        List<String> statuses = new ArrayList<>();
        batch.path("results")
                .forEach(r -> statuses.add(r.path("status").asText()
                        + (r.hasNonNull("code") ? ":" + r.path("code").asText() : "")));
        return statuses;
    }

    @Test
    void shouldRegisterABatchAndReportEveryRefusedItem() {
        String twice = IdNumbers.male(201);
        String valid = IdNumbers.female(202);
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        Map<String, Object> unknownUnit = Map.of(
                "idNumber",
                IdNumbers.male(203),
                "name",
                "某人",
                "unitId",
                UUID.randomUUID().toString(),
                "category",
                "RETIRED");

        Api.Response batch = api.post(
                "/api/members/batch",
                Map.of("items", List.of(member(twice), member(valid), member(badCheck), member(twice), unknownUnit)));

        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(statuses(batch.json()))
                .containsExactly(
                        "ACCEPTED",
                        "ACCEPTED",
                        "REFUSED:INVALID_ID_NUMBER",
                        "REFUSED:MEMBER_EXISTS",
                        "REFUSED:UNKNOWN_UNIT");
        assertThat(batch.json().at("/results/3/id").asText())
                .isEqualTo(batch.json().at("/results/0/id").asText());
        assertThat(batch.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(api.get("/api/members/" + batch.json().at("/results/1/id").asText())
                        .text("gender"))
                .isEqualTo("FEMALE");
        assertThat(batch.body()).doesNotContain(valid);
    }

    @Test
    void shouldEnrolABatchInOneTransactionAndRefuseItemsByThePlanRules() {
        JsonNode registered = api.post(
                        "/api/members/batch",
                        Map.of("items", List.of(member(IdNumbers.male(211)), member(IdNumbers.male(212)))))
                .json();
        String a = registered.at("/results/0/id").asText();
        String b = registered.at("/results/1/id").asText();
        long before = jdbc.queryForObject("select count(*) from domainevententry", Long.class);

        Api.Response batch = api.post(
                "/api/enrollments/batch",
                Map.of(
                        "items",
                        List.of(
                                Map.of(
                                        "memberId",
                                        a,
                                        "planId",
                                        "ningbo-2020-inservice-hospital",
                                        "shares",
                                        1,
                                        "effectiveDate",
                                        "2020-04-01"),
                                Map.of(
                                        "memberId",
                                        a,
                                        "planId",
                                        "ningbo-2020-inservice-hospital",
                                        "shares",
                                        1,
                                        "effectiveDate",
                                        "2020-04-02"),
                                Map.of(
                                        "memberId",
                                        b,
                                        "planId",
                                        "ningbo-2020-women",
                                        "shares",
                                        1,
                                        "termYears",
                                        4,
                                        "effectiveDate",
                                        "2020-04-01"),
                                Map.of(
                                        "memberId",
                                        UUID.randomUUID().toString(),
                                        "planId",
                                        "shaoxing-hospital",
                                        "shares",
                                        1),
                                Map.of("memberId", b, "planId", "shaoxing-hospital", "shares", 1))));

        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(statuses(batch.json()))
                .containsExactly(
                        "ACCEPTED",
                        "REFUSED:SHARES_EXCEEDED",
                        "REFUSED:GENDER_NOT_ELIGIBLE",
                        "REFUSED:UNKNOWN_MEMBER",
                        "ACCEPTED");
        assertThat(batch.json().at("/results/0/giftIds"))
                .as("not paid yet, so no gift yet")
                .isEmpty();
        assertThat(api.get("/api/members/" + a + "/enrollments").json()).hasSize(1);
        assertThat(api.get("/api/members/" + b + "/enrollments").json()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class))
                .isEqualTo(before + 2);
    }

    @Test
    void shouldRefuseAnEmptyOrOversizedBatchOrAnInvalidItem() {
        assertThat(api.post("/api/enrollments/batch", Map.of("items", List.of()))
                        .status())
                .isEqualTo(400);
        Map<String, Object> item =
                Map.of("memberId", UUID.randomUUID().toString(), "planId", "shaoxing-hospital", "shares", 1);
        assertThat(api.post("/api/enrollments/batch", Map.of("items", Collections.nCopies(1001, item)))
                        .status())
                .isEqualTo(400);
        Api.Response invalid = api.post(
                "/api/enrollments/batch",
                Map.of("items", List.of(item, Map.of("planId", "shaoxing-hospital", "shares", 0))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("items[1].memberId").contains("items[1].shares");
    }
}
