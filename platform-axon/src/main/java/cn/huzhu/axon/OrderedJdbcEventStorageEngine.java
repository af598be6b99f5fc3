package cn.huzhu.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event store, with large appends committed in global-index order. Readers (the publisher first) meet the
 * index of an event not yet committed as a gap and look for it again; Axon gives a gap up once it lies 10 000 indexes
 * behind the newest event seen, and every token a reader holds carries its whole set of gaps. A roster of 20 000 rows
 * appends 40 000 events in one transaction: had other transactions committed meanwhile, its first indexes would be given
 * up (its events never published) and each token copy would carry thousands of gaps (gigabytes in the publisher). Batches
 * of 500 do it too: sixteen clients' batches committed past one another put thousands of gaps in each of the tens of
 * thousands of tokens the publisher had in hand, and it ran out of a 1 GB heap.
 *
 * <p>So every append takes a PostgreSQL advisory lock held until its transaction ends: shared for an ordinary append (they
 * do not wait for each other), exclusive for one of {@code largeAppend} (100) events or more, which therefore waits for the
 * appends in flight to commit and keeps new ones waiting until it has committed. A large append then leaves no gap
 * behind anyone, and ordinary ones only the short gaps Axon is made for.
 *
 * <p>Events read by processors have their stored time read once, digit by digit ({@link StoredInstant}); Axon's engine
 * reads it through a {@code DateTimeFormatter} each time it is asked. The tracking token is advanced as Axon's engine
 * does it, with the same gap settings, which are therefore given here ({@link #builder}).
 */
public final class OrderedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The advisory lock's key ("huzhu" in ASCII). */
    static final long APPEND_LOCK = 0x68757a6875L;

    /** Axon's defaults, given to the builder so that this engine's tokens advance as Axon's engine would advance them. */
    static final int MAX_GAP_OFFSET = 10_000;

    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final int largeAppend;
    private volatile int gapTimeoutMillis = GAP_TIMEOUT_MILLIS;

    /** Axon's builder with this engine's gap settings. */
    public static JdbcEventStorageEngine.Builder builder() {
        return JdbcEventStorageEngine.builder()
                .maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS);
    }

    /** {@code builder} from {@link #builder()}. */
    public OrderedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, int largeAppend) {
        super(builder);
        this.largeAppend = largeAppend;
    }

    @Override
    public void setGapTimeout(int gapTimeout) {
        super.setGapTimeout(gapTimeout);
        this.gapTimeoutMillis = gapTimeout;
    }

    /** Axon's {@code getTrackedEventData}, with the event's time read once ({@link StoredEntry}). */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        StoredEntry<?> event = new StoredEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                (String) readTimeStamp(resultSet, schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        boolean allowGaps =
                event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minusMillis(gapTimeoutMillis));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(
                    globalSequence,
                    allowGaps
                            ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                                    .boxed()
                                    .collect(Collectors.toCollection(TreeSet::new))
                            : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** A stored event whose time is read once, when it is read from its row. */
    static final class StoredEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        StoredEntry(
                String type,
                String aggregateIdentifier,
                long sequenceNumber,
                String eventIdentifier,
                String timestamp,
                String payloadType,
                String payloadRevision,
                T payload,
                T metaData) {
            super(
                    type,
                    aggregateIdentifier,
                    sequenceNumber,
                    eventIdentifier,
                    timestamp,
                    payloadType,
                    payloadRevision,
                    payload,
                    metaData);
            this.timestamp = StoredInstant.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    @Override
    protected PreparedStatement appendEvents(
            Connection connection, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                events.size() >= largeAppend
                        ? "select pg_advisory_xact_lock(?)"
                        : "select pg_advisory_xact_lock_shared(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
        return super.appendEvents(connection, events, serializer);
    }
}
