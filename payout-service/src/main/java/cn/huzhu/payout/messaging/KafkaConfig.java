package cn.huzhu.payout.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.PlatformKafkaConfig;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The platform's dead-letter policy and raw template ({@link PlatformKafkaConfig}), this service's producer and topics. */
@Configuration(proxyBeanMethods = false)
@Import(PlatformKafkaConfig.class)
public class KafkaConfig {

    /** Contract records, encoded with the contracts' codec. */
    @Bean
    KafkaTemplate<String, SpecificRecord> contractKafkaTemplate(KafkaProperties properties) {
        return PlatformKafkaConfig.contractTemplate(properties, Map.of());
    }

    @Bean
    KafkaAdmin.NewTopics payoutTopics(@Value("${huzhu.kafka.topic-partitions}") int partitions,
                                      @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return PlatformKafkaConfig.eventTopics(partitions, replicas, List.of(Topics.CLAIMS, Topics.BANK_ACCOUNTS), List.of(Topics.PAYOUTS));
    }
}
