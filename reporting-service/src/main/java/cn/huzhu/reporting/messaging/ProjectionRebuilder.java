package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.reporting.query.ClaimsActivityProjection;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import cn.huzhu.reporting.query.PayoutRatioProjection;
import cn.huzhu.reporting.query.TargetCompletionProjection;
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
 * Rebuilds a projection from the beginning of the topics it reads into shadow tables, compares them with the live
 * tables, and (if asked) swaps them in within one transaction. The projection's listener is stopped meanwhile, so the
 * rebuilt tables hold exactly the records up to the end offsets taken at the start; when the listener resumes it
 * skips what the rebuild already counted. Projections: {@code district-enrollment} (the member topic),
 * {@code target-completion} (units, targets, members) and {@code payout-ratio} (members and claims) and {@code claims-activity} (members, claims and payouts).
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaListenerEndpointRegistry registry;
    private final ConsumerFactory<String, byte[]> consumers;
    private final Map<String, Projection> projections;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    /** A projection that can be rebuilt: its listener, the topics it reads, its live tables, and how events are applied. */
    private record Projection(String listenerId, List<String> topics, List<String> tables, Applier applier) {
    }

    @FunctionalInterface
    private interface Applier {
        /** Applies events to the shadow tables ({@code rebuild}) or the live ones; answers the events counted. */
        int apply(List<Event> events, boolean rebuild);
    }

    private static final String SUFFIX = "_rebuild";

    public ProjectionRebuilder(KafkaListenerEndpointRegistry registry, ConsumerFactory<String, byte[]> consumers,
                               DistrictEnrollmentProjection districts, TargetCompletionProjection targets, PayoutRatioProjection ratios,
                               ClaimsActivityProjection claims, JdbcTemplate jdbc,
                               TransactionTemplate transaction) {
        this.registry = registry;
        this.consumers = consumers;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.projections = Map.of(
                "district-enrollment", new Projection(DistrictEnrollmentListener.ID, List.of(Topics.MEMBERS), ProjectionTables.LIVE.all(),
                        (events, rebuild) -> districts.apply(events, rebuild ? ProjectionTables.LIVE.withSuffix(SUFFIX) : ProjectionTables.LIVE)),
                "target-completion", new Projection(TargetCompletionListener.ID, List.of(Topics.UNITS, Topics.TARGETS, Topics.MEMBERS),
                        TargetCompletionProjection.TABLES, (events, rebuild) -> targets.apply(events, rebuild ? SUFFIX : "")),
                "payout-ratio", new Projection(PayoutRatioListener.ID, List.of(Topics.MEMBERS, Topics.CLAIMS), PayoutRatioProjection.TABLES,
                        (events, rebuild) -> ratios.apply(events, rebuild ? SUFFIX : "")),
                "claims-activity", new Projection(ClaimsActivityListener.ID, List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS),
                        ClaimsActivityProjection.TABLES, (events, rebuild) -> claims.apply(events, rebuild ? SUFFIX : "")));
    }

    /** One line of a difference between the live and the rebuilt table. */
    public record Difference(String table, String side, String row) {
    }

    public record Result(long recordsReplayed, long eventsCounted, long undecodableSkipped, List<Difference> differences,
                         boolean swapped, long millis) {
    }

    /** Rebuilds the district enrolment projection. */
    public Result rebuild(boolean swap) {
        return rebuild("district-enrollment", swap);
    }

    public synchronized Result rebuild(String name, boolean swap) {
        Projection projection = projections.get(name);
        if (projection == null) {
            throw new IllegalArgumentException("No projection " + name + "; there are " + new java.util.TreeSet<>(projections.keySet()));
        }
        long started = System.nanoTime();
        MessageListenerContainer live = registry.getListenerContainer(projection.listenerId());
        boolean wasRunning = live != null && live.isRunning();
        if (wasRunning) {
            live.stop();
        }
        try {
            createShadowTables(projection);
            long[] counts = replay(projection);
            List<Difference> differences = compare(projection);
            if (swap) {
                swapIn(projection);
            } else {
                dropShadowTables(projection);
            }
            Result result = new Result(counts[0], counts[1], counts[2], differences, swap, Duration.ofNanos(System.nanoTime() - started).toMillis());
            log.info("Rebuilt the {} projection: {} records, {} events, {} differences, swapped={} in {} ms", name,
                    result.recordsReplayed(), result.eventsCounted(), differences.size(), swap, result.millis());
            return result;
        } finally {
            if (wasRunning) {
                live.start();
            }
        }
    }

    private void createShadowTables(Projection projection) {
        for (String table : projection.tables()) {
            jdbc.execute("drop table if exists " + table + SUFFIX);
            jdbc.execute("create table " + table + SUFFIX + " (like " + table + " including all)");
        }
    }

    private long[] replay(Projection projection) {
        long records = 0;
        long counted = 0;
        long skipped = 0;
        try (Consumer<String, byte[]> consumer = consumers.createConsumer("reporting-rebuild", "rebuild")) {
            List<TopicPartition> partitions = projection.topics().stream().flatMap(t -> consumer.partitionsFor(t).stream())
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
                counted += transaction.execute(status -> projection.applier().apply(events, true));
            }
        }
        return new long[] {records, counted, skipped};
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private List<Difference> compare(Projection projection) {
        List<Difference> differences = new ArrayList<>();
        for (String table : projection.tables()) {
            String[] pair = {table, table + SUFFIX};
            differences.addAll(jdbc.query("select t::text as row from (select * from " + pair[0] + " except select * from " + pair[1] + ") t",
                    (rs, i) -> new Difference(pair[0], "only-live", rs.getString("row"))));
            differences.addAll(jdbc.query("select t::text as row from (select * from " + pair[1] + " except select * from " + pair[0] + ") t",
                    (rs, i) -> new Difference(pair[0], "only-rebuilt", rs.getString("row"))));
        }
        return differences;
    }

    private void swapIn(Projection projection) {
        transaction.executeWithoutResult(status -> {
            for (String table : projection.tables()) {
                String rebuilt = table + SUFFIX;
                jdbc.execute("drop table " + table);
                jdbc.execute("alter table " + rebuilt + " rename to " + table);
                jdbc.execute("alter index " + rebuilt + "_pkey rename to " + table + "_pkey");
            }
        });
    }

    private void dropShadowTables(Projection projection) {
        projection.tables().forEach(t -> jdbc.execute("drop table if exists " + t + SUFFIX));
    }
}
