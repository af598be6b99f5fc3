package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.IntegrationTestSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TargetApiIT extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    long targetEvents() {
        return jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype like '%TargetSetEvent'", Long.class);
    }

    @Test
    void shouldSetAUnitTargetWithTheUnitsDistrictAndRecordOnlyChanges() {
        String unitId = api.post(
                        "/api/units",
                        Map.of("name", "高新区工会", "district", "武进区", "nature", "PUBLIC", "insuredHeadcount", 9000))
                .text("unitId");
        Map<String, Object> body = Map.of("scope", "UNIT", "unitId", unitId, "year", 2021, "target", 7000);
        long before = targetEvents();

        Api.Response set = api.post("/api/targets", body);
        Api.Response again = api.post("/api/targets", body);
        Api.Response changed =
                api.post("/api/targets", Map.of("scope", "UNIT", "unitId", unitId, "year", 2021, "target", 7200));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.text("district")).isEqualTo("武进区");
        assertThat(set.text("targetId")).isEqualTo("UNIT:" + unitId + ":2021:*");
        assertThat(again.status()).isEqualTo(200);
        assertThat(changed.json().path("target").asInt()).isEqualTo(7200);
        assertThat(targetEvents()).isEqualTo(before + 2);
    }

    @Test
    void shouldSetADistrictTargetForOnePlan() {
        Api.Response set = api.post(
                "/api/targets",
                Map.of(
                        "scope",
                        "DISTRICT",
                        "district",
                        "鄞州",
                        "year",
                        2020,
                        "planId",
                        "ningbo-2020-inservice-hospital",
                        "target",
                        160000));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.text("targetId")).isEqualTo("DISTRICT:鄞州:2020:ningbo-2020-inservice-hospital");
    }

    @Test
    void shouldRefuseBadTargetsAndRecordNothing() {
        long before = targetEvents();
        Map<String, Object> noUnit = new HashMap<>(Map.of("scope", "UNIT", "year", 2021, "target", 10));

        assertThat(api.post("/api/targets", noUnit).status()).isEqualTo(400);
        assertThat(api.post(
                                "/api/targets",
                                Map.of(
                                        "scope",
                                        "UNIT",
                                        "unitId",
                                        UUID.randomUUID().toString(),
                                        "year",
                                        2021,
                                        "target",
                                        10))
                        .status())
                .isEqualTo(422);
        Api.Response unknownPlan = api.post(
                "/api/targets",
                Map.of("scope", "DISTRICT", "district", "江北", "year", 2021, "planId", "nope", "target", 10));
        assertThat(unknownPlan.status()).isEqualTo(422);
        assertThat(unknownPlan.text("code")).isEqualTo("UNKNOWN_PLAN");
        assertThat(api.post("/api/targets", Map.of("scope", "DISTRICT", "district", "江北", "year", 2021, "target", -1))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/targets", Map.of("scope", "REGION", "district", "江北", "year", 2021, "target", 1))
                        .status())
                .isEqualTo(400);
        assertThat(targetEvents()).isEqualTo(before);
    }
}
