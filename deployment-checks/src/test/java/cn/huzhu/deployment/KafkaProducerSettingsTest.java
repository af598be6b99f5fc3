package cn.huzhu.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every service's Kafka producer waits for all replicas and is idempotent, written out in its configuration (ADR 0028):
 * a retried batch is not written twice and a partition's records keep their order through retries.
 */
class KafkaProducerSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyServiceProducesIdempotentlyWithAcksFromAllReplicas() throws Exception {
        for (String service : List.of("enrollment-service", "claims-service", "payout-service", "reporting-service")) {
            JsonNode config = JSON.valueToTree(new Yaml()
                    .load(Files.readString(
                            BuiltServices.ROOT.resolve(service).resolve("src/main/resources/application.yml"))));
            JsonNode producer = config.path("spring").path("kafka").path("producer");
            assertThat(producer.path("acks").asText()).as(service).isEqualTo("all");
            assertThat(producer.path("properties").path("enable.idempotence").asText())
                    .as(service)
                    .isEqualTo("true");
        }
    }
}
