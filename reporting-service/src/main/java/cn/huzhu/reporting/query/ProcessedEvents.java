package cn.huzhu.reporting.query;

import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events a projection has applied, recorded by id in its own table in the transaction that applies them, so a
 * redelivered event changes nothing. A poll's ids are recorded in one statement; in a rebuild (whose replay has dropped
 * repeated events already) they are appended with {@code COPY}.
 */
final class ProcessedEvents {

    private ProcessedEvents() {}

    /** Records the ids of {@code events} in {@code table}; answers those not recorded before (the events to apply). */
    static Set<UUID> markNew(JdbcTemplate jdbc, String table, List<Event> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = events.stream().map(Event::eventId).distinct().toArray(UUID[]::new);
        return new HashSet<>(jdbc.execute((java.sql.Connection connection) -> {
            Array array = connection.createArrayOf("uuid", ids);
            try (var statement = connection.prepareStatement("insert into " + table
                    + " (event_id) select unnest(?) on conflict do nothing returning event_id")) {
                statement.setArray(1, array);
                List<UUID> inserted = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        }));
    }

    /**
     * Appends the ids of {@code events}, known to be new, to {@code table} with one {@code COPY}: a rebuild's shadow table,
     * which gets its primary key once the replay is done (one sort, not an index insert per event).
     */
    static void append(JdbcTemplate jdbc, String table, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder ids = new StringBuilder(events.size() * 37);
        events.forEach(e -> ids.append(e.eventId()).append('\n'));
        jdbc.execute((java.sql.Connection connection) -> {
            try {
                return connection
                        .unwrap(org.postgresql.PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy " + table + " (event_id) from stdin", new java.io.StringReader(ids.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The events of {@code events} to apply: new ones only, each once, in their order. */
    static List<Event> fresh(JdbcTemplate jdbc, String table, List<Event> events) {
        Set<UUID> fresh = markNew(jdbc, table, events);
        Set<UUID> seen = new HashSet<>();
        List<Event> apply = new ArrayList<>(fresh.size());
        for (Event event : events) {
            if (fresh.contains(event.eventId()) && seen.add(event.eventId())) {
                apply.add(event);
            }
        }
        return apply;
    }
}
