package cn.huzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The access matrix check for a service's integration test running its web server (a {@code @SpringBootTest} with a
 * port): implement it, and keep the table in {@code src/test/resources/access-matrix.txt}.
 */
public interface AccessMatrixContract {

    @Test
    default void theAccessTableNamesEveryEndpointOfTheService(@Autowired ApplicationContext context) {
        assertThat(AccessMatrix.read("/access-matrix.txt").differencesFrom(AccessMatrix.endpoints(context)))
                .isEmpty();
    }

    @Test
    default void everyRoleGetsWhatTheAccessTableSaysAtEveryEndpoint(@Autowired ApplicationContext context) {
        String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
        assertThat(AccessMatrix.read("/access-matrix.txt")
                        .violations(
                                baseUrl,
                                AccessMatrix.strangers(LocalStack.shared().tokens())))
                .isEmpty();
    }
}
