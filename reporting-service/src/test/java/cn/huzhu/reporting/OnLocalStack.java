package cn.huzhu.reporting;

import cn.huzhu.localstack.LocalStack;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Integration tests of reporting-service against the test JVM's real PostgreSQL and Kafka ({@link LocalStack#shared()}). */
abstract class OnLocalStack {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalStack stack = LocalStack.shared();
        registry.add("spring.datasource.url", () -> stack.jdbcUrl("reporting"));
        registry.add("spring.kafka.bootstrap-servers", stack::bootstrapServers);
        registry.add("huzhu.security.jwk-set-uri", () -> stack.tokens().jwkSetUri());
    }
}
