package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.DeadLetters;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** The platform's dead-letter policy ({@link DeadLetters}). */
    @Bean
    DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template,
                                     @Value("${huzhu.kafka.retries}") long retries,
                                     @Value("${huzhu.kafka.retry-interval}") Duration interval) {
        return DeadLetters.errorHandler(template, retries, interval);
    }

    /**
     * The topic this service reads (declared here too, so the consumer need not wait for the producer to
     * create it) and its dead-letter topic, where records stay until an operator deals with them.
     */
    @Bean
    KafkaAdmin.NewTopics reportingTopics(@Value("${huzhu.kafka.topic-partitions}") int partitions,
                                         @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.MEMBERS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.MEMBERS)).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.UNITS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.UNITS)).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.TARGETS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.TARGETS)).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build());
    }
}
