package cn.huzhu.reporting.messaging;

import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.UndecodableRecordException;
import cn.huzhu.reporting.query.ClaimsActivityProjection;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection;
import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import cn.huzhu.reporting.query.PayoutRatioProjection;
import cn.huzhu.reporting.query.ProjectionTables;
import cn.huzhu.reporting.query.ReportChanges;
import cn.huzhu.reporting.query.ReportSummaries;
import cn.huzhu.reporting.query.Target;
import cn.huzhu.reporting.query.TargetCompletionProjection;
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
import org.springframework.beans.factory.annotation.Value;
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
    /** Records per poll of a replay: large, to apply few large batches. */
    private static final int REPLAY_POLL_RECORDS = 5000;

    private final KafkaListenerEndpointRegistry registry;
    private final ConsumerFactory<String, byte[]> consumers;
    private final Map<String, Projection> projections;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ReportSummaries summaries;
    private final ReportChanges changes;
    /** The share of the heap the ids of a replay's events may take to be deduplicated in memory (0: always in the database). */
    private final double idsHeapShare;

    /** A projection that can be rebuilt: its listener, the topics it reads, its live tables, and how events are applied. */
    private record Projection(String listenerId, List<String> topics, List<String> tables, Applier applier) {}

    @FunctionalInterface
    private interface Applier {
        /** Applies events to the shadow tables; answers the events counted. */
        int apply(List<Event> events, Target shadow);
    }

    private static final String SUFFIX = "_rebuild";

    /** The name that rebuilds every projection in one replay. */
    public static final String ALL = "all";

    public ProjectionRebuilder(
            KafkaListenerEndpointRegistry registry,
            ConsumerFactory<String, byte[]> consumers,
            DistrictEnrollmentProjection districts,
            TargetCompletionProjection targets,
            PayoutRatioProjection ratios,
            ClaimsActivityProjection claims,
            ReportSummaries summaries,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ReportChanges changes,
            @Value("${huzhu.reporting.rebuild-heap-share:0.25}") double idsHeapShare) {
        this.changes = changes;
        this.idsHeapShare = idsHeapShare;
        this.summaries = summaries;
        this.registry = registry;
        this.consumers = consumers;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.projections = Map.of(
                "district-enrollment",
                        new Projection(
                                DistrictEnrollmentListener.ID,
                                List.of(Topics.MEMBERS),
                                ProjectionTables.LIVE.all(),
                                districts::apply),
                "target-completion",
                        new Projection(
                                TargetCompletionListener.ID,
                                List.of(Topics.UNITS, Topics.TARGETS, Topics.MEMBERS),
                                TargetCompletionProjection.TABLES,
                                targets::apply),
                "payout-ratio",
                        new Projection(
                                PayoutRatioListener.ID,
                                List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS),
                                PayoutRatioProjection.TABLES,
                                ratios::apply),
                "claims-activity",
                        new Projection(
                                ClaimsActivityListener.ID,
                                List.of(Topics.MEMBERS, Topics.CLAIMS, Topics.PAYOUTS),
                                ClaimsActivityProjection.TABLES,
                                claims::apply));
    }

    /**
     * One line of a difference between the live and the rebuilt table: a row only on one {@code side} (only-live,
     * only-rebuilt), or for the tables of applied event ids their numbers ({@code count}).
     */
    public record Difference(String table, String side, String row) {}

    /**
     * What a rebuild did: the records read, the events counted (a record counts once for each projection that applies it),
     * the records skipped as undecodable, and those the replay skipped as repeated (an event id read before; 0 when the
     * ids did not fit in memory and repeats were left to the shadow tables' keys, which the projections count out as
     * live). {@code replayMillis} of its {@code millis} went into replaying; {@code phases} says where all of it went
     * (the live listeners stopped, shadow tables, replay, indexes, vacuum, comparison, swap), in milliseconds in their order.
     */
    public record Result(
            long recordsReplayed,
            long eventsCounted,
            long undecodableSkipped,
            long repeatedSkipped,
            List<Difference> differences,
            boolean swapped,
            long millis,
            long replayMillis,
            Map<String, Long> phases) {}

    /** Rebuilds the district enrolment projection. */
    public Result rebuild(boolean swap) {
        return rebuild("district-enrollment", swap);
    }

    /**
     * Rebuilds one projection, or with {@code all} every projection in one replay of the topics they read (each record
     * decoded once and applied to every projection that reads its topic).
     */
    public synchronized Result rebuild(String name, boolean swap) {
        List<Projection> chosen;
        if (ALL.equals(name)) {
            chosen = List.copyOf(new java.util.TreeMap<>(projections).values());
        } else if (projections.containsKey(name)) {
            chosen = List.of(projections.get(name));
        } else {
            throw new IllegalArgumentException("No projection " + name + "; there are "
                    + new java.util.TreeSet<>(projections.keySet()) + " and " + ALL);
        }
        long started = System.nanoTime();
        Phases phases = new Phases();
        List<MessageListenerContainer> stopped = new ArrayList<>();
        for (Projection projection : chosen) {
            MessageListenerContainer live = registry.getListenerContainer(projection.listenerId());
            if (live != null && live.isRunning()) {
                live.stop();
                stopped.add(live);
            }
        }
        phases.done("listeners-stopped");
        try {
            List<String> deferred = new ArrayList<>();
            long[] counts;
            boolean inMemory;
            long replayMillis;
            java.util.Properties bigPolls = new java.util.Properties();
            bigPolls.put("max.poll.records", String.valueOf(REPLAY_POLL_RECORDS));
            try (Consumer<String, byte[]> consumer =
                    consumers.createConsumer("reporting-rebuild", "rebuild", null, bigPolls)) {
                Map<TopicPartition, Long> end = fromTheBeginning(consumer, chosen);
                long expected = end.entrySet().stream()
                        .mapToLong(e -> e.getValue() - consumer.position(e.getKey()))
                        .sum();
                // repeated events are dropped in memory when their ids fit in the heap's share, else by the shadow
                // tables' keys
                inMemory = EventIdSet.bytesFor(expected)
                        <= idsHeapShare * Runtime.getRuntime().maxMemory();
                boolean deferEventKeys = inMemory;
                chosen.forEach(p -> deferred.addAll(createShadowTables(p, deferEventKeys)));
                phases.done("shadow-tables");
                counts = replay(
                        chosen,
                        consumer,
                        end,
                        Target.rebuild(SUFFIX, inMemory),
                        inMemory ? new EventIdSet(expected) : null);
                replayMillis = phases.done("replay");
            }
            sideBySide(deferred.stream()
                    .<Runnable>map(statement -> () -> jdbc.execute(statement))
                    .toList());
            phases.done("indexes");
            // vacuumed and analysed before they are compared and answer reports: statistics for the planner (new tables
            // have
            // none until autovacuum gets to them, and until then queries on them may take poor plans), the visibility
            // map
            // and hint bits set, so that neither the comparison nor the first reports write them, and autovacuum, given
            // back with the swap, finds nothing to do while reports are read
            sideBySide(chosen.stream()
                    .flatMap(p -> p.tables().stream())
                    .<Runnable>map(table -> () -> jdbc.execute("vacuum (analyze) " + table + SUFFIX))
                    .toList());
            phases.done("vacuum");
            List<Difference> differences = compare(chosen);
            phases.done("comparison");
            if (swap) {
                transaction.executeWithoutResult(status -> {
                    chosen.forEach(this::swapIn);
                    changes.record("rebuild");
                });
                summaries.ratiosChanged();
                summaries.claimsChanged();
                phases.done("swap");
            } else {
                chosen.forEach(this::dropShadowTables);
                phases.done("drop");
            }
            Result result = new Result(
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    differences,
                    swap,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    replayMillis,
                    phases.millis);
            log.info(
                    "Rebuilt the {} projection: {} records, {} events, {} differences, swapped={}, repeated events dropped {} in {} ms ({})",
                    name,
                    result.recordsReplayed(),
                    result.eventsCounted(),
                    differences.size(),
                    swap,
                    inMemory ? "in memory" : "by the tables' keys",
                    result.millis(),
                    phases.millis);
            return result;
        } finally {
            stopped.forEach(MessageListenerContainer::start);
        }
    }

    /**
     * Creates the shadow tables of a projection: columns, defaults, primary keys and unique indexes as the live ones
     * (the projection writes with {@code on conflict}); answers the statements creating its other indexes, and with
     * {@code deferEventKeys} (repeated events dropped by the replay) the primary keys of its tables of applied event ids,
     * run once the replay has filled the tables (one sort each instead of an index insert per row).
     */
    private List<String> createShadowTables(Projection projection, boolean deferEventKeys) {
        List<String> deferred = new ArrayList<>();
        for (String table : projection.tables()) {
            String shadow = table + SUFFIX;
            jdbc.execute("drop table if exists " + shadow);
            // not vacuumed nor analysed by autovacuum while the replay fills it (it is analysed once filled, before the
            // comparison); autovacuum is given back with the swap
            jdbc.execute("create table " + shadow + " (like " + table
                    + " including all excluding indexes) with (autovacuum_enabled = false)");
            for (Map<String, Object> index : jdbc.queryForList(
                    "select i.indisprimary as primary_key, i.indisunique as is_unique,"
                            + " pg_get_indexdef(i.indexrelid) as definition from pg_index i where i.indrelid = cast(? as regclass)",
                    table)) {
                String definition = (String) index.get("definition");
                if ((Boolean) index.get("primary_key")) {
                    String key = "alter table " + shadow + " add primary key "
                            + definition.substring(definition.indexOf('(', definition.indexOf(" USING ")));
                    if (deferEventKeys && appendOnly(table)) {
                        deferred.add(key);
                    } else {
                        jdbc.execute(key);
                    }
                } else if ((Boolean) index.get("is_unique")) {
                    jdbc.execute(definition.replaceFirst(
                            "^CREATE UNIQUE INDEX \\S+ ON \\S+ ", "CREATE UNIQUE INDEX ON " + shadow + " "));
                } else {
                    deferred.add(
                            definition.replaceFirst("^CREATE INDEX \\S+ ON \\S+ ", "CREATE INDEX ON " + shadow + " "));
                }
            }
        }
        return deferred;
    }

    /**
     * Replays the topics of {@code chosen} from where {@code consumer} stands up to {@code end} into their shadow tables, a
     * poll per transaction; answers the records read, the events counted, the records skipped as undecodable and those
     * skipped as repeated (an event id read before).
     */
    private long[] replay(
            List<Projection> chosen,
            Consumer<String, byte[]> consumer,
            Map<TopicPartition, Long> end,
            Target shadow,
            EventIdSet seen) {
        long records = 0;
        long counted = 0;
        long skipped = 0;
        long repeated = 0;
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(chosen.size());
        List<java.util.concurrent.Future<Integer>> applying = new ArrayList<>();
        try {
            while (!reached(consumer, end)) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                Map<String, List<Event>> byTopic = new java.util.HashMap<>();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records++;
                    Event event;
                    try {
                        event = EventDecoding.decode(record.value());
                    } catch (UndecodableRecordException e) {
                        skipped++;
                        continue;
                    }
                    // an event the outbox sent twice (a crash before its acknowledgement) is applied once, the first
                    // time it is read
                    if (seen == null || seen.add(event.eventId())) {
                        byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>())
                                .add(event);
                    } else {
                        repeated++;
                    }
                }
                // each projection applies the poll in a transaction of its own, the projections side by side (a
                // connection each), while the next poll is fetched and decoded; it is applied once all are done.
                // Nothing here is live until the swap, which commits durably (and with it everything written before),
                // so these commits need not wait for the disk.
                for (java.util.concurrent.Future<Integer> f : applying) {
                    counted += await(f);
                }
                applying.clear();
                for (Projection projection : chosen) {
                    List<Event> events = new ArrayList<>();
                    projection.topics().forEach(t -> events.addAll(byTopic.getOrDefault(t, List.of())));
                    if (!events.isEmpty()) {
                        applying.add(workers.submit(() -> transaction.execute(status -> {
                            jdbc.execute("set local synchronous_commit to off");
                            return projection.applier().apply(events, shadow);
                        })));
                    }
                }
            }
            for (java.util.concurrent.Future<Integer> f : applying) {
                counted += await(f);
            }
        } finally {
            workers.shutdownNow();
        }
        return new long[] {records, counted, skipped, repeated};
    }

    /** Runs {@code tasks} side by side, as many at once as there are processors (up to four), and waits for them all. */
    private static void sideBySide(List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(Math.min(
                tasks.size(), Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))));
        try {
            List<java.util.concurrent.Future<?>> running = tasks.stream()
                    .<java.util.concurrent.Future<?>>map(workers::submit)
                    .toList();
            running.forEach(ProjectionRebuilder::await);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Milliseconds per phase of a rebuild, in their order. */
    private static final class Phases {
        private final Map<String, Long> millis = new java.util.LinkedHashMap<>();
        private long since = System.nanoTime();

        long done(String phase) {
            long now = System.nanoTime();
            long took = Duration.ofNanos(now - since).toMillis();
            millis.put(phase, took);
            since = now;
            return took;
        }
    }

    private static <T> T await(java.util.concurrent.Future<T> applied) {
        try {
            return applied.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rebuild interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Assigns {@code consumer} every partition of the topics of {@code chosen}, at its beginning; answers the end offsets
     * taken now, up to which the replay reads.
     */
    private static Map<TopicPartition, Long> fromTheBeginning(
            Consumer<String, byte[]> consumer, List<Projection> chosen) {
        List<TopicPartition> partitions = chosen.stream()
                .flatMap(p -> p.topics().stream())
                .distinct()
                .flatMap(t -> consumer.partitionsFor(t).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer.endOffsets(partitions);
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * The rows that differ between the live and the rebuilt tables of {@code chosen} (up to 100 per table): each table
     * joined with its rebuilt copy on its primary key, the tables side by side.
     */
    private List<Difference> compare(List<Projection> chosen) {
        List<String> tables = chosen.stream().flatMap(p -> p.tables().stream()).toList();
        java.util.concurrent.ExecutorService workers =
                java.util.concurrent.Executors.newFixedThreadPool(Math.min(4, tables.size()));
        try {
            List<java.util.concurrent.Future<List<Difference>>> compared =
                    tables.stream().map(t -> workers.submit(() -> compare(t))).toList();
            List<Difference> differences = new ArrayList<>();
            for (java.util.concurrent.Future<List<Difference>> f : compared) {
                differences.addAll(await(f));
            }
            return differences;
        } finally {
            workers.shutdownNow();
        }
    }

    private List<Difference> compare(String table) {
        if (appendOnly(table)) {
            // the ids of the events applied: compared by number (the events' effects are compared row by row in the
            // projection's other tables)
            long live = jdbc.queryForObject("select count(*) from " + table, Long.class);
            long rebuilt = jdbc.queryForObject("select count(*) from " + table + SUFFIX, Long.class);
            return live == rebuilt
                    ? List.of()
                    : List.of(new Difference(table, "count", "live " + live + ", rebuilt " + rebuilt));
        }
        List<String> key = jdbc.queryForList("""
                select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = cast(? as regclass) and i.indisprimary""", String.class, table);
        if (key.isEmpty()) {
            throw new IllegalStateException("Table " + table + " has no primary key to compare its rebuilt rows by");
        }
        String on = key.stream().map(k -> "l." + k + " = r." + k).collect(java.util.stream.Collectors.joining(" and "));
        List<Difference> differences = new ArrayList<>();
        jdbc.query(
                "select l::text as live, r::text as rebuilt, l is null as no_live, r is null as no_rebuilt from "
                        + table + " l full join " + table + SUFFIX + " r on " + on
                        + " where l is distinct from r limit 100",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    if (!rs.getBoolean("no_live")) {
                        differences.add(new Difference(table, "only-live", rs.getString("live")));
                    }
                    if (!rs.getBoolean("no_rebuilt")) {
                        differences.add(new Difference(table, "only-rebuilt", rs.getString("rebuilt")));
                    }
                });
        return differences;
    }

    private void swapIn(Projection projection) {
        transaction.executeWithoutResult(status -> {
            for (String table : projection.tables()) {
                String rebuilt = table + SUFFIX;
                jdbc.execute("drop table " + table);
                jdbc.execute("alter table " + rebuilt + " rename to " + table);
                jdbc.execute("alter index " + rebuilt + "_pkey rename to " + table + "_pkey");
                jdbc.execute("alter table " + table + " reset (autovacuum_enabled)");
            }
        });
    }

    /**
     * The tables of applied event ids, which a rebuild only appends to (its replay drops repeated events): their primary
     * key is built once they are filled, and they are compared by number.
     */
    private static boolean appendOnly(String table) {
        return table.endsWith("processed_event");
    }

    private void dropShadowTables(Projection projection) {
        projection.tables().forEach(t -> jdbc.execute("drop table if exists " + t + SUFFIX));
    }
}
