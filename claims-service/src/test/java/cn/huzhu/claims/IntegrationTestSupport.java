package cn.huzhu.claims;

import cn.huzhu.localstack.LocalStack;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Points the service at the test JVM's real PostgreSQL and Kafka. */
public abstract class IntegrationTestSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalStack stack = LocalStack.shared();
        registry.add("spring.datasource.url", () -> stack.jdbcUrl("claims"));
        registry.add("spring.kafka.bootstrap-servers", stack::bootstrapServers);
    }
}
