package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.DeadLetterController;
import cn.huzhu.kafka.DeadLetterReplay;
import cn.huzhu.kafka.DeadLetterReplay.Listener;
import cn.huzhu.kafka.PlatformKafkaConfig;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** The platform's dead-letter policy ({@link PlatformKafkaConfig}), the topics this service reads and the replay of its dead letters. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformKafkaConfig.class, DeadLetterController.class})
public class KafkaConfig {

    /**
     * The topics this service reads (declared here too, so the consumer need not wait for the producer to
     * create it) and their dead-letter topics, where records stay until an operator deals with them.
     */
    @Bean
    KafkaAdmin.NewTopics reportingTopics(
            @Value("${huzhu.kafka.topic-partitions}") int partitions,
            @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return PlatformKafkaConfig.eventTopics(
                partitions,
                replicas,
                List.of(Topics.PLANS, Topics.MEMBERS, Topics.UNITS, Topics.TARGETS, Topics.CLAIMS, Topics.PAYOUTS),
                List.of());
    }

    /**
     * The dead letters of the projections' listeners, replayed through them ({@code POST /api/dead-letters/replay}); each
     * projection keeps the ids of the events it applied, so a replayed event is applied once.
     */
    @Bean
    DeadLetterReplay deadLetterReplay(
            KafkaProperties properties,
            DistrictEnrollmentListener districts,
            TargetCompletionListener targets,
            PayoutRatioListener ratios,
            ClaimsActivityListener activity,
            PlanCatalogueListener plans) {
        return new DeadLetterReplay(
                "reporting",
                properties.buildConsumerProperties(),
                List.of(
                        Listener.batch(Topics.MEMBERS, DistrictEnrollmentListener.ID, districts::on),
                        Listener.batch(Topics.UNITS, TargetCompletionListener.GROUP, targets::on),
                        Listener.batch(Topics.TARGETS, TargetCompletionListener.GROUP, targets::on),
                        Listener.batch(Topics.MEMBERS, TargetCompletionListener.GROUP, targets::on),
                        Listener.batch(Topics.MEMBERS, PayoutRatioListener.GROUP, ratios::on),
                        Listener.batch(Topics.CLAIMS, PayoutRatioListener.GROUP, ratios::on),
                        Listener.batch(Topics.PAYOUTS, PayoutRatioListener.GROUP, ratios::on),
                        Listener.batch(Topics.MEMBERS, ClaimsActivityListener.GROUP, activity::on),
                        Listener.batch(Topics.CLAIMS, ClaimsActivityListener.GROUP, activity::on),
                        Listener.batch(Topics.PAYOUTS, ClaimsActivityListener.GROUP, activity::on),
                        Listener.batch(Topics.PLANS, PlanCatalogueListener.GROUP, plans::on)));
    }
}
