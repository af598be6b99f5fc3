package cn.huzhu.enrollment.messaging;

import cn.huzhu.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service writes, with explicit partitions and unlimited retention: read models are rebuilt from them. */
@Configuration(proxyBeanMethods = false)
public class EnrollmentTopics {

    @Bean
    KafkaAdmin.NewTopics enrollmentEventTopics(@Value("${huzhu.kafka.topic-partitions}") int partitions,
                                          @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                eventTopic(Topics.PLANS, partitions, replicas),
                eventTopic(Topics.UNITS, partitions, replicas),
                eventTopic(Topics.MEMBERS, partitions, replicas));
    }

    static NewTopic eventTopic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }
}
