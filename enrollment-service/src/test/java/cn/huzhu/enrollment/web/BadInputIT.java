package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.identity.IdNumbers;
import cn.huzhu.localstack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Malformed and hostile requests: a clear 4xx with problem details, the service still up, nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputIT extends IntegrationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String unitId;

    @BeforeEach
    void client() {
        api = new Api(port);
        Api.Response unit = api.post(
                "/api/units", Map.of("name", "输入校验单位", "district", "海曙", "nature", "PUBLIC", "insuredHeadcount", 30));
        assertThat(unit.status()).as(unit.body()).isEqualTo(201);
        unitId = unit.text("unitId");
    }

    long events() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    Map<String, Object> member(String idNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", "校验会员");
        body.put("unitId", unitId);
        body.put("category", "IN_SERVICE");
        return body;
    }

    static void assertProblem(Api.Response answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .as(answer.body())
                .startsWith("application/problem+json");
    }

    @Test
    void shouldRefuseAnOversizedBatchBeforeBindingItsItemsWithAShortAnswer() {
        String items = "{\"items\":[" + "{},".repeat(99_999) + "{}]}";
        long before = events();

        Api.Response refused = api.post("/api/members/batch", items);
        Api.Response tooManyEnrolments =
                api.post("/api/enrollments/batch", "{\"items\":[" + "{},".repeat(1000) + "{}]}");

        assertProblem(refused, 400);
        assertThat(refused.body().length()).as("one error, not one per item").isLessThan(2_000);
        assertThat(refused.body()).contains("1000");
        assertProblem(tooManyEnrolments, 400);
        assertThat(tooManyEnrolments.body().length()).isLessThan(2_000);
        assertThat(api.get("/api/plans").status()).as("still answering").isEqualTo(200);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldAnswerControlCharactersAndTruncatedUploadsWith400AndStoreNothing() {
        long before = events();
        Map<String, Object> nul = member(IdNumbers.male(901));
        nul.put("name", "张\u0000三");
        Map<String, Object> bell = member(IdNumbers.male(902));
        bell.put("name", "张\u0007三");

        assertProblem(api.post("/api/members", nul), 400);
        assertProblem(api.post("/api/members", bell), 400);
        String boundary = "----truncated";
        byte[] truncated = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n序号,姓名")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(
                api.post(
                        "/api/rosters?unitId=" + unitId + "&planId=quzhou-2020-hospital",
                        "multipart/form-data; boundary=" + boundary,
                        truncated),
                400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldAnswerWhatTheServletContainerRefusesAsProblemDetails() throws IOException {
        String token = Api.STAFF_TOKEN;
        for (String path : List.of(
                "/api/members/%00",
                "/api/members/a%2fb",
                "/api/members;jsessionid=1",
                "//api/plans",
                "/api/../api/plans",
                "/api/" + "a".repeat(20_000))) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(status(answer)).as(path + ": " + answer).isBetween(400, 499);
            assertThat(answer).as(path + ": " + answer).containsIgnoringCase("Content-Type: application/problem+json");
        }
        String hugeHeader = raw("GET /api/plans HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(status(hugeHeader)).as(hugeHeader).isBetween(400, 499);
        assertThat(hugeHeader).as(hugeHeader).containsIgnoringCase("Content-Type: application/problem+json");
    }

    @Test
    void shouldNotCoerceValuesOfTheWrongType() {
        long before = events();
        Map<String, Object> numberForEnum = member(IdNumbers.male(903));
        numberForEnum.put("category", 1);
        assertProblem(api.post("/api/members", numberForEnum), 400);

        String memberId = api.post("/api/members", member(IdNumbers.male(904))).text("memberId");
        long afterMember = events();
        for (Map<String, Object> enrolment : List.of(
                Map.<String, Object>of("memberId", memberId, "planId", "shaoxing-hospital", "shares", 1.5),
                Map.<String, Object>of("memberId", memberId, "planId", "shaoxing-hospital", "shares", "1"),
                Map.<String, Object>of(
                        "memberId", memberId, "planId", "shaoxing-hospital", "shares", 1, "effectiveDate", 2020),
                Map.<String, Object>of(
                        "memberId",
                        memberId,
                        "planId",
                        "shaoxing-hospital",
                        "shares",
                        1,
                        "effectiveDate",
                        "0000-01-01"),
                Map.<String, Object>of(
                        "memberId",
                        memberId,
                        "planId",
                        "shaoxing-hospital",
                        "shares",
                        1,
                        "effectiveDate",
                        "9999-12-31"))) {
            assertProblem(api.post("/api/enrollments", enrolment), 400);
        }
        for (Object headcount : List.of("10", 1.5, 0, -1)) {
            assertProblem(
                    api.post(
                            "/api/units",
                            Map.of(
                                    "name",
                                    "类型单位",
                                    "district",
                                    "海曙",
                                    "nature",
                                    "PUBLIC",
                                    "insuredHeadcount",
                                    headcount)),
                    400);
        }
        assertProblem(
                api.post("/api/units", Map.of("name", "类型单位", "district", "海曙", "nature", 0, "insuredHeadcount", 3)),
                400);
        String enrolment = api.post(
                        "/api/enrollments", Map.of("memberId", memberId, "planId", "shaoxing-hospital", "shares", 1))
                .json()
                .at("/enrollment/enrollmentId")
                .asText();
        assertProblem(
                api.post(
                        "/api/enrollments/" + enrolment + "/collections",
                        Map.of("result", "SUCCEEDED", "method", 0, "reference", "DK-1")),
                400);
        assertProblem(
                api.post("/api/enrollments/" + enrolment + "/collections", Map.of("result", 0, "reference", "DK-1")),
                400);
        assertThat(events()).as("only the member and the one good enrolment").isEqualTo(afterMember + 1);
        assertThat(afterMember).isEqualTo(before + 1);
    }

    @Test
    void shouldTakeDistrictsFromTheRegistryAndPlansFromTheCatalogue() {
        long before = events();
        for (String district : List.of("' OR 1=1--", "无此区", "")) {
            Api.Response unit = api.post(
                    "/api/units",
                    Map.of("name", "区外单位", "district", district, "nature", "PUBLIC", "insuredHeadcount", 3));
            assertThat(unit.status()).as(district).isIn(400, 422);
            Api.Response target = api.post(
                    "/api/targets", Map.of("scope", "DISTRICT", "district", district, "year", 2020, "target", 10));
            assertThat(target.status()).as(district).isIn(400, 422);
        }
        Api.Response renewal =
                api.post("/api/units/" + unitId + "/renewals", Map.of("planId", "no-such-plan", "year", 2020));
        assertProblem(renewal, 422);
        assertThat(renewal.text("code")).isEqualTo("UNKNOWN_PLAN");
        assertThat(api.get("/api/districts").json().toString())
                .contains("海曙")
                .contains("东钱湖")
                .contains("武进区");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAZipBombRosterAndLookAtTheUnitBeforeTheFile() throws IOException {
        byte[] bomb = zipBomb();
        String outsider = LocalStack.shared()
                .tokens()
                .token(
                        "bomb-clerk",
                        "UNIT_CLERK",
                        null,
                        java.util.UUID.randomUUID().toString(),
                        "海曙");
        long before = events();

        Api.Response outOfScope = api.as(outsider)
                .post(
                        "/api/rosters?unitId=" + unitId + "&planId=quzhou-2020-hospital",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        bomb);
        Api.Response refused = api.post(
                "/api/rosters?unitId=" + unitId + "&planId=quzhou-2020-hospital",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                bomb);

        assertProblem(outOfScope, 404);
        assertThat(outOfScope.body())
                .as("the unit is looked at first, the file never read")
                .contains("unit");
        assertProblem(refused, 400);
        assertThat(api.get("/api/plans").status()).isEqualTo(200);
        assertThat(events()).isEqualTo(before);
    }

    /** A workbook whose sheet inflates from a few hundred KB to about 1 GB. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")
                            .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 1024; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A request written byte for byte to the socket (the HTTP client would refuse or clean some of these paths). */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
