package cn.huzhu.enrollment;

import cn.huzhu.localstack.LocalStack;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Points the service at the test JVM's real PostgreSQL and Kafka, and makes it trust the test JVM's token issuer. */
public abstract class IntegrationTestSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalStack stack = LocalStack.shared();
        registry.add("spring.datasource.url", () -> stack.jdbcUrl("enrollment"));
        registry.add("spring.kafka.bootstrap-servers", stack::bootstrapServers);
        registry.add("huzhu.security.jwk-set-uri", () -> stack.tokens().jwkSetUri());
    }
}
