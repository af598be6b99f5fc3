package cn.huzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

/**
 * The access matrix check for a service's integration test: implement it with the running service's context and base
 * URL, and keep the table in {@code src/test/resources/access-matrix.txt}.
 */
public interface AccessMatrixContract {

    ApplicationContext context();

    String baseUrl();

    @Test
    default void theAccessTableNamesEveryEndpointOfTheService() {
        assertThat(AccessMatrix.read("/access-matrix.txt").differencesFrom(AccessMatrix.endpoints(context()))).isEmpty();
    }

    @Test
    default void everyRoleGetsWhatTheAccessTableSaysAtEveryEndpoint() {
        assertThat(AccessMatrix.read("/access-matrix.txt").violations(baseUrl(), AccessMatrix.strangers(LocalStack.shared().tokens())))
                .isEmpty();
    }
}
