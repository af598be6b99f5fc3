package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.localstack.LocalTokenIssuer;
import cn.huzhu.security.AccessMatrixContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint × every role, from the one table in {@code access-matrix.txt}; the dashboard page itself is open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends OnLocalStack implements AccessMatrixContract {

    @LocalServerPort
    int port;

    @Test
    void aDistrictOfficerReadsTheUnitFiguresOfItsOwnDistrictOnly() throws Exception {
        LocalTokenIssuer tokens = LocalStack.shared().tokens();
        String officer = tokens.token("report-officer", "DISTRICT_OFFICER", null, null, "海曙");
        String viewer = tokens.token("report-viewer", "DASHBOARD_VIEWER", null, null, null);
        assertThat(status(officer, "/api/reports/targets?year=2043&district=江北"))
                .isEqualTo(403);
        assertThat(status(officer, "/api/reports/payout-ratios?year=2043&by=unit&district=江北"))
                .isEqualTo(403);
        assertThat(status(officer, "/api/reports/claims?year=2043&district=江北")).isEqualTo(403);
        assertThat(status(officer, "/api/reports/targets/export?year=2043&district=江北&format=csv"))
                .isEqualTo(403);
        assertThat(status(viewer, "/api/reports/targets?year=2043&district=江北")).isEqualTo(200);
        // without a district, an officer's reports are of its own
        assertThat(body(officer, "/api/reports/targets?year=2043")).contains("\"district\":\"海曙\"");
        assertThat(status(officer, "/api/reports/district-enrollment?year=2043"))
                .as("the district table every union publishes")
                .isEqualTo(200);
    }

    private int status(String token, String path) throws Exception {
        return send(token, path).statusCode();
    }

    private String body(String token, String path) throws Exception {
        return send(token, path).body();
    }

    private java.net.http.HttpResponse<String> send(String token, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDashboardPageNeedsNoTokenButItsFiguresDo() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/dashboard.js", "/dashboard.css", "/webjars/echarts/echarts.min.js"}) {
            assertThat(http.send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create("http://127.0.0.1:" + port + path))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .as(path)
                    .isEqualTo(200);
        }
    }
}
