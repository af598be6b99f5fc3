package cn.huzhu.claims.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.claims.IntegrationTestSupport;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.security.AccessMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Every endpoint × every role, from the one table in {@code access-matrix.txt}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends IntegrationTestSupport {

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
}
