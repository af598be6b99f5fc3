package cn.huzhu.claims.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.DeadLetterController;
import cn.huzhu.kafka.DeadLetterReplay;
import cn.huzhu.kafka.OfficeTopics;
import cn.huzhu.kafka.PlatformKafkaConfig;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The platform's dead-letter policy and producers ({@link PlatformKafkaConfig}), the settlement answers' producer and this service's topics. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformKafkaConfig.class, DeadLetterController.class})
public class KafkaConfig {

    /**
     * Answers to hospital settlements: a patient waits at the desk for each, so they are sent at once (no linger)
     * rather than gathered into larger batches like the decisions.
     */
    @Bean
    KafkaTemplate<String, SpecificRecord> answerKafkaTemplate(KafkaProperties properties) {
        return PlatformKafkaConfig.contractTemplate(properties, Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    @Bean
    KafkaAdmin.NewTopics claimsTopics(
            @Value("${huzhu.kafka.topic-partitions}") int partitions,
            @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return PlatformKafkaConfig.eventTopics(
                partitions,
                replicas,
                List.of(Topics.PLANS, Topics.MEMBERS, Topics.REGIONAL_HOSPITAL_SETTLEMENTS),
                List.of(Topics.CLAIMS));
    }

    /**
     * The dead letters of the plan and member topics, replayed through the coverage listener ({@code POST
     * /api/dead-letters/replay}). Hospital settlements are not replayed: an office's record is signed for a few minutes and
     * was answered REJECTED, so the hospital sends it again.
     */
    @Bean
    DeadLetterReplay deadLetterReplay(KafkaProperties properties, CoverageListener coverage) {
        return new DeadLetterReplay(
                "claims",
                properties.buildConsumerProperties(),
                List.of(
                        DeadLetterReplay.Listener.perRecord(Topics.PLANS, CoverageListener.GROUP, coverage::on),
                        DeadLetterReplay.Listener.perRecord(Topics.MEMBERS, CoverageListener.GROUP, coverage::on)));
    }

    /** Each office's answer topic, made when the office is first answered. */
    @Bean
    OfficeTopics officeTopics(
            KafkaAdmin admin,
            @Value("${huzhu.kafka.topic-partitions}") int partitions,
            @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return new OfficeTopics(admin, partitions, replicas);
    }
}
