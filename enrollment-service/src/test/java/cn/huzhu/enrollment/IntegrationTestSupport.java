package cn.huzhu.enrollment;

import cn.huzhu.localstack.LocalStack;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points the service at the test JVM's real PostgreSQL and Kafka, and makes it trust the test JVM's token issuer. The
 * service takes {@link #TODAY} as today, a day in the enrolment windows of the seed plans of 2020.
 */
public abstract class IntegrationTestSupport {

    public static final String TODAY = "2020-04-01";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalStack stack = LocalStack.shared();
        registry.add("huzhu.business-date", () -> TODAY);
        registry.add("spring.datasource.url", () -> stack.jdbcUrl("enrollment"));
        registry.add("spring.kafka.bootstrap-servers", stack::bootstrapServers);
        registry.add("huzhu.security.jwk-set-uri", () -> stack.tokens().jwkSetUri());
    }
}
