package cn.huzhu.payout.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.kafka.DeadLetterController;
import cn.huzhu.kafka.DeadLetterReplay;
import cn.huzhu.kafka.PlatformKafkaConfig;
import cn.huzhu.payout.notify.NoticeListener;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/** The platform's dead-letter policy and producers ({@link PlatformKafkaConfig}), and this service's topics. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformKafkaConfig.class, DeadLetterController.class})
public class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics payoutTopics(
            @Value("${huzhu.kafka.topic-partitions}") int partitions,
            @Value("${huzhu.kafka.replication-factor:1}") short replicas) {
        return PlatformKafkaConfig.eventTopics(
                partitions,
                replicas,
                List.of(Topics.CLAIMS, Topics.BANK_ACCOUNTS, Topics.CONTACTS, Topics.PLANS, Topics.MEMBERS),
                List.of(Topics.PAYOUTS));
    }

    /** The dead letters of this service's listeners, replayed through them ({@code POST /api/dead-letters/replay}). */
    @Bean
    DeadLetterReplay deadLetterReplay(
            KafkaProperties properties,
            ClaimDecisionListener claims,
            BankAccountListener accounts,
            NoticeListener notices) {
        return new DeadLetterReplay(
                "payout",
                properties.buildConsumerProperties(),
                List.of(
                        DeadLetterReplay.Listener.batch(Topics.CLAIMS, ClaimDecisionListener.GROUP, claims::on),
                        DeadLetterReplay.Listener.perRecord(
                                Topics.BANK_ACCOUNTS, BankAccountListener.GROUP, accounts::on),
                        DeadLetterReplay.Listener.perRecord(Topics.CONTACTS, NoticeListener.GROUP, notices::on),
                        DeadLetterReplay.Listener.perRecord(Topics.PLANS, NoticeListener.GROUP, notices::on),
                        DeadLetterReplay.Listener.perRecord(Topics.MEMBERS, NoticeListener.GROUP, notices::on),
                        DeadLetterReplay.Listener.perRecord(Topics.CLAIMS, NoticeListener.GROUP, notices::on)));
    }
}
