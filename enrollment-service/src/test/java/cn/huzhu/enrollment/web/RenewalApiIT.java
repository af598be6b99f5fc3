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
        return api.post("/api/units", Map.of("name", "续保单位", "district", "象山", "nature", "PUBLIC", "insuredHeadcount", 60)).text("unitId");
    }

    String member(String unitId, String idNumber) {
        return api.post("/api/members", Map.of("idNumber", idNumber, "name", "续保会员", "unitId", unitId, "category", "IN_SERVICE",
                "serviceCard", true, "realNameVerified", true)).text("memberId");
    }

    /** A historical enrolment, migrated with its payment of 2020-03-01 (renewals renew paid enrolments only). */
    Api.Response migrate(String memberId, String planId, int shares, int termYears, String effectiveDate) {
        Api.Response migrated = api.post("/api/enrollments/migrations", Map.of("items", List.of(Map.of("memberId", memberId, "planId", planId,
                "shares", shares, "termYears", termYears, "effectiveDate", effectiveDate, "paidOn", "2020-03-01", "paymentReference", "LEGACY-" + memberId))));
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
        assertThat(api.post("/api/enrollments", Map.of("memberId", unpaid, "planId", "ningbo-2020-special-disease", "shares", 1, "termYears", 1))
                .status()).isEqualTo(201);

        Api.Response renewed = api.post("/api/units/" + unitId + "/renewals", Map.of("planId", "ningbo-2020-special-disease", "year", 2020));
        Api.Response again = api.post("/api/units/" + unitId + "/renewals", Map.of("planId", "ningbo-2020-special-disease", "year", 2020));

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.json().path("accepted").asInt()).as("the two paid enrolments, not the unpaid one").isEqualTo(2);
        assertThat(again.json().path("accepted").asInt()).as("nothing left to renew").isZero();
        JsonNode aEnrolments = api.get("/api/members/" + a + "/enrollments").json();
        assertThat(aEnrolments).hasSize(2);
        JsonNode renewal = aEnrolments.get(1);
        assertThat(renewal.path("coverageStart").asText()).isEqualTo("2021-03-01");
        assertThat(renewal.path("continuous").asBoolean()).isTrue();
        assertThat(renewal.path("waitingPeriodEnd").asText()).as("no new waiting period").isEqualTo("2021-03-01");
        assertThat(renewal.path("shares").asInt()).isEqualTo(2);
        assertThat(api.get("/api/members/" + elsewhere + "/enrollments").json()).as("another unit's member").hasSize(1);
    }

    @Test
    void shouldNotRenewGiftsAndAnswer404ForAnUnknownUnit() {
        String unitId = unit();
        String m = member(unitId, IdNumbers.male(404));
        assertThat(migrate(m, "ningbo-2020-inservice-hospital", 1, 1, "2020-03-01").json().at("/results/0/giftIds")).hasSize(1);

        Api.Response renewed = api.post("/api/units/" + unitId + "/renewals", Map.of("planId", "ningbo-2020-special-disease", "year", 2020));

        assertThat(renewed.json().path("results")).isEmpty();
        assertThat(api.post("/api/units/" + UUID.randomUUID() + "/renewals", Map.of("planId", "x", "year", 2020)).status()).isEqualTo(404);
        assertThat(api.post("/api/units/" + unitId + "/renewals", Map.of("planId", "x")).status()).isEqualTo(400);
        assertThat(List.of(api.get("/api/members/" + m + "/enrollments").json().size())).containsExactly(2);
    }

    @Test
    void shouldGiftAMajorDiseaseShareToEveryWorkerOfAQualifyingHuzhouUnitOnce() {
        String qualifying = unit();
        String highRatio = unit();
        String small = unit();
        String unknown = unit();
        List<String> workers = List.of(member(qualifying, IdNumbers.female(601)), member(qualifying, IdNumbers.female(602)),
                member(qualifying, IdNumbers.male(603)));
        member(highRatio, IdNumbers.male(604));
        api.put("/api/units/" + qualifying + "/payout-ratios/2019", Map.of("enrolled", 250, "payoutRatio", "0.55"));
        api.put("/api/units/" + highRatio + "/payout-ratios/2019", Map.of("enrolled", 900, "payoutRatio", "0.70"));
        api.put("/api/units/" + small + "/payout-ratios/2019", Map.of("enrolled", 199, "payoutRatio", "0.20"));
        Map<String, Object> gift = Map.of("planId", "huzhou-major-disease", "year", 2020, "effectiveDate", "2020-04-01");
        assertThat(api.post("/api/units/" + qualifying + "/gifts", Map.of("planId", "huzhou-major-disease", "year", 2020,
                "effectiveDate", "2020-01-01")).text("code")).as("a gift starts no earlier than today").isEqualTo("START_IN_PAST");

        Api.Response given = api.post("/api/units/" + qualifying + "/gifts", gift);
        Api.Response again = api.post("/api/units/" + qualifying + "/gifts", gift);

        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(again.json().path("accepted").asInt()).as("everyone already holds the gift").isZero();
        for (String worker : workers) {
            JsonNode enrolments = api.get("/api/members/" + worker + "/enrollments").json();
            assertThat(enrolments).hasSize(1);
            assertThat(enrolments.get(0).path("planId").asText()).isEqualTo("huzhou-major-disease");
            assertThat(enrolments.get(0).path("gifted").asBoolean()).isTrue();
            assertThat(enrolments.get(0).path("premiumStatus").asText()).isEqualTo("COLLECTED");
            assertThat(enrolments.get(0).path("funding").get(0).path("payer").asText()).isEqualTo("UNION");
        }
        for (String unit : List.of(highRatio, small, unknown)) {
            Api.Response refused = api.post("/api/units/" + unit + "/gifts", gift);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.text("code")).isEqualTo("UNIT_NOT_QUALIFIED");
        }
    }
}
