package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import cn.huzhu.reporting.query.ProjectionTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the district enrolment projection from the beginning of the member topic into shadow tables,
 * compares them with the live tables, and (if asked) swaps them in within one transaction. The live
 * listener is stopped meanwhile, so the rebuilt tables hold exactly the records up to the end offsets
 * taken at the start; when the listener resumes it skips what the rebuild already counted.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaListenerEndpointRegistry registry;
    private final ConsumerFactory<String, byte[]> consumers;
    private final DistrictEnrollmentProjection projection;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ProjectionRebuilder(KafkaListenerEndpointRegistry registry, ConsumerFactory<String, byte[]> consumers,
                               DistrictEnrollmentProjection projection, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.registry = registry;
        this.consumers = consumers;
        this.projection = projection;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** One line of a difference between the live and the rebuilt table. */
    public record Difference(String table, String side, String row) {
    }

    public record Result(long recordsReplayed, long eventsCounted, long undecodableSkipped, List<Difference> differences,
                         boolean swapped, long millis) {
    }

    public synchronized Result rebuild(boolean swap) {
        long started = System.nanoTime();
        MessageListenerContainer live = registry.getListenerContainer(DistrictEnrollmentListener.ID);
        boolean wasRunning = live != null && live.isRunning();
        if (wasRunning) {
            live.stop();
        }
        try {
            createShadowTables();
            long[] counts = replay();
            List<Difference> differences = compare();
            if (swap) {
                swapIn();
            } else {
                dropShadowTables();
            }
            Result result = new Result(counts[0], counts[1], counts[2], differences, swap, Duration.ofNanos(System.nanoTime() - started).toMillis());
            log.info("Rebuilt the district enrolment projection: {} records, {} events, {} differences, swapped={} in {} ms",
                    result.recordsReplayed(), result.eventsCounted(), differences.size(), swap, result.millis());
            return result;
        } finally {
            if (wasRunning) {
                live.start();
            }
        }
    }

    private void createShadowTables() {
        ProjectionTables shadow = ProjectionTables.REBUILD;
        for (int i = 0; i < shadow.all().size(); i++) {
            jdbc.execute("drop table if exists " + shadow.all().get(i));
            jdbc.execute("create table " + shadow.all().get(i) + " (like " + ProjectionTables.LIVE.all().get(i) + " including all)");
        }
    }

    private long[] replay() {
        long records = 0;
        long counted = 0;
        long skipped = 0;
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("reporting-rebuild", "rebuild")) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEMBERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end)) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                List<Event> events = new ArrayList<>(batch.count());
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records++;
                    try {
                        events.add(EventDecoding.decode(record.value()));
                    } catch (UndecodableRecordException e) {
                        skipped++;
                    }
                }
                counted += transaction.execute(status -> projection.apply(events, ProjectionTables.REBUILD));
            }
        }
        return new long[] {records, counted, skipped};
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private List<Difference> compare() {
        List<Difference> differences = new ArrayList<>();
        ProjectionTables live = ProjectionTables.LIVE;
        ProjectionTables shadow = ProjectionTables.REBUILD;
        for (String[] pair : List.of(new String[] {live.districtEnrollment(), shadow.districtEnrollment()},
                new String[] {live.realNameMembers(), shadow.realNameMembers()},
                new String[] {live.processedEvent(), shadow.processedEvent()})) {
            differences.addAll(jdbc.query("select t::text as row from (select * from " + pair[0] + " except select * from " + pair[1] + ") t",
                    (rs, i) -> new Difference(pair[0], "only-live", rs.getString("row"))));
            differences.addAll(jdbc.query("select t::text as row from (select * from " + pair[1] + " except select * from " + pair[0] + ") t",
                    (rs, i) -> new Difference(pair[0], "only-rebuilt", rs.getString("row"))));
        }
        return differences;
    }

    private void swapIn() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < ProjectionTables.LIVE.all().size(); i++) {
                String table = ProjectionTables.LIVE.all().get(i);
                String rebuilt = ProjectionTables.REBUILD.all().get(i);
                jdbc.execute("drop table " + table);
                jdbc.execute("alter table " + rebuilt + " rename to " + table);
                jdbc.execute("alter index " + rebuilt + "_pkey rename to " + table + "_pkey");
            }
        });
    }

    private void dropShadowTables() {
        ProjectionTables.REBUILD.all().forEach(t -> jdbc.execute("drop table if exists " + t));
    }
}
