package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.PlatformKafkaConfig;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** The platform's dead-letter policy ({@link PlatformKafkaConfig}) and the topics this service reads. */
@Configuration(proxyBeanMethods = false)
@Import(PlatformKafkaConfig.class)
public class KafkaConfig {

    /**
     * The topics this service reads (declared here too, so the consumer need not wait for the producer to
     * create it) and their dead-letter topics, where records stay until an operator deals with them.
     */
    @Bean
    KafkaAdmin.NewTopics reportingTopics(@Value("${huzhu.kafka.topic-partitions}") int partitions,
                                         @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return PlatformKafkaConfig.eventTopics(partitions, replicas, List.of(Topics.PLANS, Topics.MEMBERS, Topics.UNITS, Topics.TARGETS, Topics.CLAIMS, Topics.PAYOUTS), List.of());
    }
}
