package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.security.AccessMatrixContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Every endpoint × every role, from the one table in {@code access-matrix.txt}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT extends IntegrationTestSupport implements AccessMatrixContract {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
