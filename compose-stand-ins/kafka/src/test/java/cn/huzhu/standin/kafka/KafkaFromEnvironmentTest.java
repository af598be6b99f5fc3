package cn.huzhu.standin.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaFromEnvironmentTest {

    @Test
    void variablesBecomePropertiesAsTheApacheImageNamesThem() {
        Properties properties = KafkaFromEnvironment.properties(Map.of(
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "INTERNAL:PLAINTEXT",
                "KAFKA_NODE_ID", "1",
                "KAFKA_LISTENER_NAME_EXTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG", "x",
                "KAFKA_HEAP_OPTS", "-Xmx512m",
                "KAFKA_OPTS", "-Dy=z",
                "CLUSTER_ID", "abc",
                "PATH", "/bin"));

        assertThat(properties)
                .containsOnly(
                        Map.entry("listener.security.protocol.map", "INTERNAL:PLAINTEXT"),
                        Map.entry("node.id", "1"),
                        Map.entry("listener.name.external.scram-sha-512.sasl.jaas.config", "x"));
    }
}
