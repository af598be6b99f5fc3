package cn.huzhu.reporting.query;

import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A statement over a set of ids passed as one {@code uuid[]} parameter ({@code = any(?)}). */
final class Uuids {

    private Uuids() {}

    /** Runs a query (or a statement {@code returning} rows) over the ids, each row handed to {@code row}. */
    static void query(
            JdbcTemplate jdbc, String sql, Collection<UUID> ids, org.springframework.jdbc.core.RowCallbackHandler row) {
        UUID[] array = ids.toArray(UUID[]::new);
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("uuid", array));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        row.processRow(rows);
                    }
                }
                return null;
            }
        });
    }

    static int update(JdbcTemplate jdbc, String sql, Collection<UUID> ids) {
        UUID[] array = ids.toArray(UUID[]::new);
        return jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("uuid", array));
                return statement.executeUpdate();
            }
        });
    }
}
