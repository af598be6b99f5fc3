package cn.huzhu.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The check that no event is left unpublished. The publisher reads the event store by its global index and skips an index
 * it does not see committed in time (a gap it gives up); such an event would never be published. Every 30 s this compares
 * the events the publisher's committed token has passed (and that are a few seconds old) with the
 * {@link PublicationLog}: an event the publisher could handle that is not in the log is published now, through the
 * publisher's own handlers (at least once, with its event id, as always), counted in {@code huzhu.publication.republished}
 * and reported in an ALERT line. The log below the checked position is then dropped.
 */
public final class PublicationCheck {

    private static final Logger log = LoggerFactory.getLogger(PublicationCheck.class);

    /** At most this many events compared per round. */
    static final int ROUND = 20_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final Duration settle;
    private final Clock clock;
    private final Counter republished;
    private final StoredEventNames names;

    /** @param names the names events were stored under before their classes moved ({@link StoredEventNames}) */
    public PublicationCheck(
            JdbcTemplate jdbc,
            Serializer tokenSerializer,
            EventStorageEngine storage,
            EventProcessingConfiguration processing,
            TransactionManager transactions,
            Duration settle,
            Clock clock,
            MeterRegistry meters,
            StoredEventNames names) {
        this.names = names;
        this.jdbc = jdbc;
        this.serializer = tokenSerializer;
        this.storage = storage;
        this.processing = processing;
        this.transactions = transactions;
        this.settle = settle;
        this.clock = clock;
        this.republished = Counter.builder("huzhu.publication.republished")
                .description("Events of the store found unpublished by the publication check and published by it")
                .register(meters);
    }

    private record Row(long index, String eventId, String payloadType, String aggregateIdentifier) {}

    @Scheduled(
            fixedDelayString = "${huzhu.publication.check-interval:PT30S}",
            initialDelayString = "${huzhu.publication.check-interval:PT30S}")
    public void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Publication check failed ({}); trying again at the next round", e.toString());
        }
    }

    /** One round; answers how many events it published. */
    public int check() {
        Optional<EventHandlerInvoker> invoker = processing
                .eventProcessor(PublicationLog.PROCESSOR)
                .filter(AbstractEventProcessor.class::isInstance)
                .map(p -> ((AbstractEventProcessor) p).eventHandlerInvoker());
        Optional<Seen> seen = seen();
        if (invoker.isEmpty() || seen.isEmpty()) {
            return 0;
        }
        long checked = jdbc
                .query(
                        "select checked_up_to from publication_check where processor = ?",
                        (rs, i) -> rs.getLong(1),
                        PublicationLog.PROCESSOR)
                .stream()
                .findFirst()
                .orElse(0L);
        String settledBefore = DateTimeUtils.formatInstant(clock.instant().minus(settle));
        Long upTo = jdbc.queryForObject(
                "select max(globalindex) from domainevententry where globalindex > ? and globalindex <= ? and timestamp < ?",
                Long.class,
                checked,
                seen.get().furthest(),
                settledBefore);
        if (upTo == null) {
            return 0;
        }
        List<Row> candidates = jdbc.query(
                """
                select e.globalindex, e.eventidentifier, e.payloadtype, e.aggregateidentifier from domainevententry e
                where e.globalindex > ? and e.globalindex <= ?
                  and not exists (select 1 from publication_log p where p.event_id = e.eventidentifier)
                order by e.globalindex limit ?""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                checked,
                upTo,
                ROUND);
        long checkedNow = candidates.size() == ROUND
                ? candidates.get(candidates.size() - 1).index()
                : upTo;
        List<Row> missing = new ArrayList<>();
        for (Row row : candidates) {
            if (!seen.get().passed(row.index(), row.aggregateIdentifier())) {
                checkedNow = Math.min(
                        checkedNow, row.index() - 1); // not read yet: the publisher will, or the next round looks again
            } else if (handles(invoker.get(), row.payloadType())) {
                missing.add(row);
            }
        }
        int published = 0;
        for (Row row : missing) {
            if (row.index() <= checkedNow) {
                republish(invoker.get(), row);
                published++;
            }
        }
        if (published > 0) {
            republished.increment(published);
            log.error(
                    "ALERT publication gap: {} event(s) in the event store had not been published (first global index {}); published now",
                    published,
                    missing.get(0).index());
        }
        long upToNow = checkedNow;
        transactions.executeInTransaction(() -> {
            jdbc.update("""
                    insert into publication_check (processor, checked_up_to) values (?, ?)
                    on conflict (processor) do update set checked_up_to = greatest(publication_check.checked_up_to, excluded.checked_up_to)""", PublicationLog.PROCESSOR, upToNow);
            jdbc.update("delete from publication_log where global_index <= ?", upToNow);
        });
        return published;
    }

    /**
     * Where each segment of the publisher has read up to (its committed token): an event has been seen by the publisher
     * when the token of its segment (by aggregate, the processor's sequencing) is at or past it and does not wait for it
     * as a gap.
     */
    private record Seen(Segment[] segments, java.util.Map<Integer, GapAwareTrackingToken> tokens) {

        long furthest() {
            return tokens.values().stream()
                    .mapToLong(GapAwareTrackingToken::getIndex)
                    .max()
                    .orElse(-1);
        }

        boolean passed(long index, String aggregateIdentifier) {
            for (Segment segment : segments) {
                if (segment.matches(aggregateIdentifier)) {
                    GapAwareTrackingToken token = tokens.get(segment.getSegmentId());
                    return token != null
                            && index <= token.getIndex()
                            && !token.getGaps().contains(index);
                }
            }
            return false;
        }
    }

    /** Read from the token table without claiming anything (the running publisher owns its segments). */
    private Optional<Seen> seen() {
        java.util.Map<Integer, GapAwareTrackingToken> found = new java.util.HashMap<>();
        boolean[] unusable = {false};
        jdbc.query(
                "select segment, token, tokentype from tokenentry where processorname = ?",
                rs -> {
                    byte[] bytes = rs.getBytes(2);
                    String type = rs.getString(3);
                    Object token = bytes == null || type == null
                            ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
                    if (token instanceof ReplayToken replay) {
                        token = replay.getCurrentToken();
                    }
                    if (token instanceof GapAwareTrackingToken gapAware) {
                        found.put(rs.getInt(1), gapAware);
                    } else {
                        unusable[0] = true;
                    }
                },
                PublicationLog.PROCESSOR);
        if (found.isEmpty() || unusable[0]) {
            return Optional.empty();
        }
        return Optional.of(new Seen(
                Segment.computeSegments(
                        found.keySet().stream().mapToInt(Integer::intValue).toArray()),
                found));
    }

    private boolean handles(EventHandlerInvoker invoker, String payloadType) {
        try {
            return invoker.canHandleType(
                    Class.forName(names.current(payloadType), false, PublicationCheck.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Publishes one event through the publisher's handlers, and logs it, in one unit of work (the send acknowledged before the commit). */
    private void republish(EventHandlerInvoker invoker, Row row) {
        TrackedEventMessage<?> event;
        try (Stream<? extends TrackedEventMessage<?>> stream =
                storage.readEvents(GapAwareTrackingToken.newInstance(row.index() - 1, Set.of()), false)) {
            event = stream.filter(e -> row.eventId().equals(e.getIdentifier()))
                    .findFirst()
                    .orElse(null);
        }
        if (event == null) {
            log.warn("Event {} (global index {}) could not be read back to publish it", row.eventId(), row.index());
            return;
        }
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.attachTransaction(transactions);
        var result = unitOfWork.executeWithResult(
                () -> {
                    invoker.handle(event, Segment.ROOT_SEGMENT);
                    jdbc.update(PublicationLog.INSERT, row.eventId(), row.index());
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException(
                    "Event " + row.eventId() + " could not be published", result.exceptionResult());
        }
    }
}
