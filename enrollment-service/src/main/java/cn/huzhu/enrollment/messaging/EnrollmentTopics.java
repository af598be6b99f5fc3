package cn.huzhu.enrollment.messaging;

import cn.huzhu.contracts.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service writes, with explicit partitions and unlimited retention: read models are rebuilt from them. */
@Configuration(proxyBeanMethods = false)
public class EnrollmentTopics {

    @Bean
    KafkaAdmin.NewTopics enrollmentEventTopics(
            @Value("${huzhu.kafka.topic-partitions}") int partitions,
            @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.PLANS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.EVENT_TOPIC_CONFIG)
                        .build(),
                TopicBuilder.name(Topics.UNITS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.EVENT_TOPIC_CONFIG)
                        .build(),
                TopicBuilder.name(Topics.MEMBERS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.EVENT_TOPIC_CONFIG)
                        .build(),
                TopicBuilder.name(Topics.TARGETS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.EVENT_TOPIC_CONFIG)
                        .build(),
                TopicBuilder.name(Topics.BANK_ACCOUNTS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.EVENT_TOPIC_CONFIG)
                        .build(),
                TopicBuilder.name(Topics.CONTACTS)
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.EVENT_TOPIC_CONFIG)
                        .build());
    }
}
