package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.identity.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RenewalApiIT extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String unit() {
        return api.post(
                        "/api/units",
                        Map.of("name", "续保单位", "district", "象山", "nature", "PUBLIC", "insuredHeadcount", 60))
                .text("unitId");
    }

    String member(String unitId, String idNumber) {
        return api.post(
                        "/api/members",
                        Map.of(
                                "idNumber",
                                idNumber,
                                "name",
                                "续保会员",
                                "unitId",
                                unitId,
                                "category",
                                "IN_SERVICE",
                                "serviceCard",
                                true,
                                "realNameVerified",
                                true))
                .text("memberId");
    }

    /** A historical enrolment, migrated with its payment of 2020-03-01 (renewals renew paid enrolments only). */
    Api.Response migrate(String memberId, String planId, int shares, int termYears, String effectiveDate) {
        Api.Response migrated = api.post(
                "/api/enrollments/migrations",
                Map.of(
                        "items",
                        List.of(Map.of(
                                "memberId",
                                memberId,
                                "planId",
                                planId,
                                "shares",
                                shares,
                                "termYears",
                                termYears,
                                "effectiveDate",
                                effectiveDate,
                                "paidOn",
                                "2020-03-01",
                                "paymentReference",
                                "LEGACY-" + memberId))));
        assertThat(migrated.text("accepted")).as(migrated.body()).isEqualTo("1");
        return migrated;
    }

    @Test
    void shouldRenewTheUnitsMembersContinuouslyAndOnlyOnce() {
        String unitId = unit();
        String otherUnit = unit();
        String a = member(unitId, IdNumbers.male(401));
        String b = member(unitId, IdNumbers.male(402));
        String elsewhere = member(otherUnit, IdNumbers.male(403));
        migrate(a, "ningbo-2020-special-disease", 2, 1, "2020-03-01");
        migrate(b, "ningbo-2020-special-disease", 1, 1, "2020-03-15");
        migrate(elsewhere, "ningbo-2020-special-disease", 1, 1, "2020-03-01");
        String unpaid = member(unitId, IdNumbers.male(405));
        assertThat(api.post(
                                "/api/enrollments",
                                Map.of(
                                        "memberId",
                                        unpaid,
                                        "planId",
                                        "ningbo-2020-special-disease",
                                        "shares",
                                        1,
                                        "termYears",
                                        1))
                        .status())
                .isEqualTo(201);

        Api.Response renewed = api.post(
                "/api/units/" + unitId + "/renewals", Map.of("planId", "ningbo-2020-special-disease", "year", 2020));
        Api.Response again = api.post(
                "/api/units/" + unitId + "/renewals", Map.of("planId", "ningbo-2020-special-disease", "year", 2020));

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.json().path("accepted").asInt())
                .as("the two paid enrolments, not the unpaid one")
                .isEqualTo(2);
        assertThat(again.json().path("accepted").asInt())
                .as("nothing left to renew")
                .isZero();
        JsonNode aEnrolments = api.get("/api/members/" + a + "/enrollments").json();
        assertThat(aEnrolments).hasSize(2);
        JsonNode renewal = aEnrolments.get(1);
        assertThat(renewal.path("coverageStart").asText()).isEqualTo("2021-03-01");
        assertThat(renewal.path("continuous").asBoolean()).isTrue();
        assertThat(renewal.path("waitingPeriodEnd").asText())
                .as("no new waiting period")
                .isEqualTo("2021-03-01");
        assertThat(renewal.path("shares").asInt()).isEqualTo(2);
        assertThat(api.get("/api/members/" + elsewhere + "/enrollments").json())
                .as("another unit's member")
                .hasSize(1);
    }

    @Test
    void shouldNotRenewGiftsAndAnswer404ForAnUnknownUnit() {
        String unitId = unit();
        String m = member(unitId, IdNumbers.male(404));
        assertThat(migrate(m, "ningbo-2020-inservice-hospital", 1, 1, "2020-03-01")
                        .json()
                        .at("/results/0/giftIds"))
                .hasSize(1);

        Api.Response renewed = api.post(
                "/api/units/" + unitId + "/renewals", Map.of("planId", "ningbo-2020-special-disease", "year", 2020));

        assertThat(renewed.json().path("results")).isEmpty();
        assertThat(api.post("/api/units/" + UUID.randomUUID() + "/renewals", Map.of("planId", "x", "year", 2020))
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/units/" + unitId + "/renewals", Map.of("planId", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(List.of(api.get("/api/members/" + m + "/enrollments").json().size()))
                .containsExactly(2);
    }

    String unit(String district, String nature) {
        return api.post(
                        "/api/units",
                        Map.of("name", "湖州单位", "district", district, "nature", nature, "insuredHeadcount", 300))
                .text("unitId");
    }

    /** Its figures in Huzhou's hospitalisation plan (not run on the platform, imported). */
    void hospitalFigures(String unit, int enrolled, String ratio) {
        assertThat(api.put(
                                "/api/units/" + unit + "/payout-ratios/2019",
                                Map.of(
                                        "enrolled",
                                        enrolled,
                                        "payoutRatio",
                                        ratio,
                                        "planId",
                                        "huzhou-inservice-hospital"))
                        .status())
                .isEqualTo(200);
    }

    /**
     * Huzhou gift (seed 001: 对于吴兴区和省属企业中，参加职工住院医疗互助人数在200人以上、补助支出低于70%以下的单位): units of 吴兴区 or
     * province-owned enterprises, on their hospitalisation plan's figures.
     */
    @Test
    void shouldGiftAMajorDiseaseShareToEveryWorkerOfAQualifyingHuzhouUnitOnce() {
        String qualifying = unit("吴兴区", "PUBLIC");
        String provinceOwned = unit("南浔区", "PROVINCE_OWNED");
        String elsewhere = unit("南浔区", "PUBLIC");
        String highRatio = unit("吴兴区", "PUBLIC");
        String small = unit("吴兴区", "PUBLIC");
        String schemeFiguresOnly = unit("吴兴区", "PUBLIC");
        String unknown = unit("吴兴区", "PUBLIC");
        List<String> workers = List.of(
                member(qualifying, IdNumbers.female(601)),
                member(qualifying, IdNumbers.female(602)),
                member(qualifying, IdNumbers.male(603)));
        String provinceWorker = member(provinceOwned, IdNumbers.male(605));
        member(highRatio, IdNumbers.male(604));
        member(elsewhere, IdNumbers.male(606));
        hospitalFigures(qualifying, 250, "0.55");
        hospitalFigures(provinceOwned, 200, "0.6999");
        hospitalFigures(elsewhere, 900, "0.10");
        hospitalFigures(highRatio, 900, "0.70");
        hospitalFigures(small, 199, "0.20");
        assertThat(api.put(
                                "/api/units/" + schemeFiguresOnly + "/payout-ratios/2019",
                                Map.of("enrolled", 900, "payoutRatio", "0.10"))
                        .status())
                .isEqualTo(200);
        Map<String, Object> gift =
                Map.of("planId", "huzhou-major-disease", "year", 2020, "effectiveDate", "2020-04-01");
        assertThat(api.post(
                                "/api/units/" + qualifying + "/gifts",
                                Map.of("planId", "huzhou-major-disease", "year", 2020, "effectiveDate", "2020-01-01"))
                        .text("code"))
                .as("a gift starts no earlier than today")
                .isEqualTo("START_IN_PAST");

        Api.Response given = api.post("/api/units/" + qualifying + "/gifts", gift);
        Api.Response again = api.post("/api/units/" + qualifying + "/gifts", gift);
        Api.Response toTheProvincesEnterprise = api.post("/api/units/" + provinceOwned + "/gifts", gift);

        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(again.json().path("accepted").asInt())
                .as("everyone already holds the gift")
                .isZero();
        assertThat(toTheProvincesEnterprise.json().path("accepted").asInt())
                .as("200 is 200人以上, 69.99 % is below 70 %")
                .isEqualTo(1);
        for (String worker : workers) {
            JsonNode enrolments =
                    api.get("/api/members/" + worker + "/enrollments").json();
            assertThat(enrolments).hasSize(1);
            assertThat(enrolments.get(0).path("planId").asText()).isEqualTo("huzhou-major-disease");
            assertThat(enrolments.get(0).path("gifted").asBoolean()).isTrue();
            assertThat(enrolments.get(0).path("premiumStatus").asText()).isEqualTo("COLLECTED");
            assertThat(enrolments.get(0).path("funding").get(0).path("payer").asText())
                    .isEqualTo("UNION");
        }
        assertThat(api.get("/api/members/" + provinceWorker + "/enrollments").json())
                .hasSize(1);
        for (String unit : List.of(elsewhere, highRatio, small, schemeFiguresOnly, unknown)) {
            Api.Response refused = api.post("/api/units/" + unit + "/gifts", gift);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.text("code")).isEqualTo("UNIT_NOT_QUALIFIED");
        }
        assertThat(api.post("/api/units/" + elsewhere + "/gifts", gift).text("detail"))
                .contains("吴兴区");
    }
}
