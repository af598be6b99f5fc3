package cn.huzhu.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records topics hold: the sum of their partitions' end offsets (the benchmarks' topics never delete). */
final class TopicRecords {

    private TopicRecords() {}

    static long on(Admin admin, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get()
                .forEach((name, description) -> description
                        .partitions()
                        .forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(partitions).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
    }

    static long onEveryTopic(Admin admin) throws Exception {
        return on(admin, admin.listTopics().names().get());
    }
}
