package cn.huzhu.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
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
 */
public final class OrderedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The advisory lock's key ("huzhu" in ASCII). */
    static final long APPEND_LOCK = 0x68757a6875L;

    private final int largeAppend;

    public OrderedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, int largeAppend) {
        super(builder);
        this.largeAppend = largeAppend;
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
