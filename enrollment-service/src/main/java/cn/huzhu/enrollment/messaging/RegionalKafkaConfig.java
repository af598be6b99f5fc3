package cn.huzhu.enrollment.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.ConsumerWaits;
import cn.huzhu.kafka.DeadLetters;
import cn.huzhu.kafka.OfficeTopics;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The service's Kafka producers (contract records, and raw bytes for answers and dead letters) and the inbound
 * batches from district offices: their topics and bounded retries.
 */
@Configuration(proxyBeanMethods = false)
public class RegionalKafkaConfig {

    /** Sends contract records (the domain events' translations); the one services inject by default. */
    @Bean
    @Primary
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, SpecificRecord> kafkaTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory<String, SpecificRecord>) producerFactory);
    }

    /** Sends bytes as they are: answers already encoded, and dead-lettered records unchanged. */
    @Bean
    KafkaTemplate<String, byte[]> rawKafkaTemplate(KafkaProperties properties) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** The platform's dead-letter policy ({@link DeadLetters}): a database outage is waited out, not dead-lettered. */
    @Bean
    DefaultErrorHandler regionalErrorHandler(
            KafkaTemplate<String, byte[]> rawKafkaTemplate,
            @Value("${huzhu.kafka.retries}") long retries,
            @Value("${huzhu.kafka.retry-interval}") Duration interval,
            ConsumerWaits waits) {
        return DeadLetters.errorHandler(rawKafkaTemplate, retries, interval, waits);
    }

    /** The consumers' waits for PostgreSQL or Kafka, shown by the health endpoint as {@code consumerWaits}. */
    @Bean
    ConsumerWaits consumerWaits() {
        return new ConsumerWaits();
    }

    @Bean
    KafkaAdmin.NewTopics regionalTopics(
            @Value("${huzhu.kafka.topic-partitions}") int partitions,
            @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.REGIONAL_ENROLLMENT_BATCHES)
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.configOf(Topics.REGIONAL_ENROLLMENT_BATCHES))
                        .build(),
                TopicBuilder.name(Topics.deadLetter(Topics.REGIONAL_ENROLLMENT_BATCHES))
                        .partitions(partitions)
                        .replicas(replicas)
                        .configs(Topics.EVENT_TOPIC_CONFIG)
                        .build());
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
