package cn.huzhu.claims.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
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
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /**
     * Bounded retries, then the dead-letter topic (same partition). An undecodable record is not retried.
     * A database that is down is waited for, without limit: those records are not bad, and must not
     * end up in the dead-letter topic.
     */
    @Bean
    DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template,
                                     @Value("${huzhu.kafka.retries}") long retries,
                                     @Value("${huzhu.kafka.retry-interval}") Duration interval) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(interval.toMillis(), retries));
        handler.addNotRetryableExceptions(UndecodableRecordException.class);
        handler.setBackOffFunction((record, ex) -> isInfrastructureDown(ex) ? unlimited() : null);
        return handler;
    }

    private static boolean isInfrastructureDown(Exception ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff unlimited() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
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
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ContractSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** The topics this service reads (declared here too, so it need not wait for their producer), their dead-letter topics, and the topic it writes. */
    @Bean
    KafkaAdmin.NewTopics claimsTopics(@Value("${huzhu.kafka.topic-partitions}") int partitions,
                                      @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.PLANS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.PLANS)).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.MEMBERS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.MEMBERS)).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build(),
                TopicBuilder.name(Topics.CLAIMS).partitions(partitions).replicas(replicas).configs(Topics.EVENT_TOPIC_CONFIG).build());
    }
}
