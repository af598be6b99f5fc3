package cn.huzhu.payout.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.DeadLetters;
import cn.huzhu.contracts.kafka.ContractSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
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

    /** Raw records: dead letters are sent unchanged. */
    @Bean
    @Primary
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** Contract records, encoded with the contracts' codec. */
    @Bean
    KafkaTemplate<String, SpecificRecord> contractKafkaTemplate(KafkaProperties properties) {
        return contractTemplate(properties, Map.of());
    }

    private static KafkaTemplate<String, SpecificRecord> contractTemplate(KafkaProperties properties, Map<String, Object> overrides) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ContractSerializer.class);
        config.putAll(overrides);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** The topics this service reads (declared here too, so it need not wait for their producers), their dead-letter topics, and the one it writes. */
    @Bean
    KafkaAdmin.NewTopics payoutTopics(@Value("${huzhu.kafka.topic-partitions}") int partitions,
                                      @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.CLAIMS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.CLAIMS)).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.BANK_ACCOUNTS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.BANK_ACCOUNTS)).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.PAYOUTS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build());
    }
}
