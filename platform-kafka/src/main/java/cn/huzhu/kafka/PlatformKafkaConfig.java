package cn.huzhu.kafka;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.kafka.ContractSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * The Kafka configuration every consuming service shares (import it): the platform's dead-letter policy for every
 * listener, with a template that sends dead letters byte for byte; the producer of contract records
 * ({@code contractKafkaTemplate}); and helpers for other contract producers and for declaring topics with their
 * dead-letter topics. Settings: {@code huzhu.kafka.retries}, {@code huzhu.kafka.retry-interval}.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformKafkaConfig {

    /** The platform's dead-letter policy ({@link DeadLetters}). */
    @Bean
    DefaultErrorHandler errorHandler(
            KafkaTemplate<Object, Object> template,
            @Value("${huzhu.kafka.retries}") long retries,
            @Value("${huzhu.kafka.retry-interval}") Duration interval,
            ConsumerWaits waits) {
        return DeadLetters.errorHandler(template, retries, interval, waits);
    }

    /** The consumers' waits for PostgreSQL or Kafka, shown by the health endpoint as {@code consumerWaits}. */
    @Bean
    ConsumerWaits consumerWaits() {
        return new ConsumerWaits();
    }

    /** Raw records: dead letters are sent unchanged. */
    @Bean
    @Primary
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** Contract records (encoded with the contracts' codec) on the service's Kafka settings: what the services publish. */
    @Bean
    KafkaTemplate<String, SpecificRecord> contractKafkaTemplate(KafkaProperties properties) {
        return contractTemplate(properties, Map.of());
    }

    /** A producer of contract records (encoded with the contracts' codec), on the service's Kafka settings with {@code overrides}. */
    public static KafkaTemplate<String, SpecificRecord> contractTemplate(
            KafkaProperties properties, Map<String, Object> overrides) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ContractSerializer.class);
        config.putAll(overrides);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /**
     * Event topics as the platform makes them (kept forever): those a service reads, each with its dead-letter topic
     * (declared by the reader too, so it need not wait for the producer), and those it writes.
     */
    public static KafkaAdmin.NewTopics eventTopics(
            int partitions, short replicas, List<String> read, List<String> written) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : read) {
            topics.add(topic(topic, partitions, replicas));
            topics.add(topic(Topics.deadLetter(topic), partitions, replicas));
        }
        for (String topic : written) {
            if (!read.contains(topic)) {
                topics.add(topic(topic, partitions, replicas));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicas)
                .configs(Topics.configOf(name))
                .build();
    }
}
