package cn.huzhu.reporting;

import static org.awaitility.Awaitility.await;

import cn.huzhu.localstack.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Waiting for a projection's consumers to have read everything, before its tables are compared with a replay. */
final class ConsumerLag {

    private ConsumerLag() {}

    /** Waits until the consumer group has committed the end of every partition of {@code topics}. */
    static void awaitNone(String group, List<String> topics) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        var committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get();
                        var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                                .flatMap(d -> d.partitions().stream()
                                        .map(p -> new org.apache.kafka.common.TopicPartition(d.name(), p.partition())))
                                .toList();
                        var ends = admin.listOffsets(partitions.stream()
                                        .collect(java.util.stream.Collectors.toMap(
                                                tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                                .all()
                                .get();
                        return partitions.stream().allMatch(tp -> {
                            long end = ends.get(tp).offset();
                            var c = committed.get(tp);
                            return end == 0 || c != null && c.offset() >= end;
                        });
                    });
        }
    }
}
