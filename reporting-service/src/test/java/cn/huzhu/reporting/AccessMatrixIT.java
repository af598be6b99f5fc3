package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.localstack.LocalStack;
import cn.huzhu.security.AccessMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Every endpoint × every role, from the one table in {@code access-matrix.txt}; the dashboard page itself is open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends OnLocalStack {

    static final AccessMatrix MATRIX = AccessMatrix.read("/access-matrix.txt");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theTableNamesEveryEndpointOfTheService() {
        assertThat(MATRIX.differencesFrom(AccessMatrix.endpoints(context))).isEmpty();
    }

    @Test
    void everyRoleGetsWhatTheTableSaysAtEveryEndpoint() {
        assertThat(MATRIX.violations("http://127.0.0.1:" + port, AccessMatrix.strangers(LocalStack.shared().tokens()))).isEmpty();
    }

    @Test
    void theDashboardPageNeedsNoTokenButItsFiguresDo() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/dashboard.js", "/dashboard.css", "/webjars/echarts/echarts.min.js"}) {
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
        }
    }
}
