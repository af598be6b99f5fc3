package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.localstack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Report parameters out of their range or format are answered 400 with problem details, never computed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportParametersIT extends OnLocalStack {

    static final String TOKEN = LocalStack.shared().tokens().token("report-params", "FINANCE", null, null, null);

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + TOKEN)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseAmountsOutOfRangeAndListsWithoutAPlanThatDecides() throws Exception {
        for (String path : List.of(
                "/api/reports/payout-ratios/discount-units?basisYear=2020",
                "/api/reports/payout-ratios/discount-units?basisYear=2020&planId=no-such-plan",
                "/api/reports/payout-ratios/gift-units?basisYear=2020&planId=%20",
                "/api/reports/payout-ratios/subsidy-allocation?basisYear=2020&planId=ningbo-2020-inservice-hospital&pool=1e309",
                "/api/reports/payout-ratios/subsidy-allocation?basisYear=2020&planId=ningbo-2020-inservice-hospital&pool=-100",
                "/api/reports/payout-ratios/subsidy-allocation?basisYear=2020&planId=ningbo-2020-inservice-hospital&pool=10.001")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("application/problem+json");
        }
    }
}
