package cn.huzhu.kafka;

import cn.huzhu.contracts.Topics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdminOperations;

/**
 * The answer topics of district offices, one per office (only that office's Kafka user may read it), created the first
 * time an office is answered: offices are added to a deployment without restarting the services.
 */
public final class OfficeTopics {

    private final KafkaAdminOperations admin;
    private final int partitions;
    private final short replicas;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public OfficeTopics(KafkaAdminOperations admin, int partitions, short replicas) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    /** The topic, created (as every event topic: records kept forever) unless this service made sure of it before. */
    public String of(String topic) {
        if (!known.contains(topic)) {
            admin.createOrModifyTopics(TopicBuilder.name(topic)
                    .partitions(partitions)
                    .replicas(replicas)
                    .configs(Topics.EVENT_TOPIC_CONFIG)
                    .build());
            known.add(topic);
        }
        return topic;
    }
}
