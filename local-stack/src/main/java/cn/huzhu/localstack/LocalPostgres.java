package cn.huzhu.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server (zonky's embedded binaries) with one database per service. With a data
 * directory it keeps its data across restarts; without one it lives in a temporary directory.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;
    private final boolean temporary;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir, boolean temporary) {
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    /**
     * @param port      0 for any free port
     * @param dataDir   null for a throw-away directory
     * @param databases databases to create if they do not exist yet
     */
    public static LocalPostgres start(int port, Path dataDir, List<String> databases) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? java.nio.file.Files.createTempDirectory("huzhu-postgres") : dataDir;
            LocalPostgres local =
                    new LocalPostgres(builder(port, dir, !temporary).start(), dir, temporary);
            local.createDatabases(databases);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * Keeps its data in {@code dir} (also a throw-away one, so the server can be stopped and started again on it). Data
     * kept is durable when its commit is answered, as in production: fsync on and synchronous commit on (the embedded
     * server's own default is off). Throw-away data is written with neither. {@code -Dhuzhu.postgres.fsync=on|off} sets
     * both (the benchmarks' headline rows run with them on).
     */
    private static EmbeddedPostgres.Builder builder(int port, Path dir, boolean kept) {
        String durable = "on".equals(System.getProperty("huzhu.postgres.fsync", kept ? "on" : "off")) ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setDataDirectory(dir)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /** Stops the server, as an outage would (clients' connections are cut); its data stays. */
    public synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server again, on the same port and data. */
    public synchronized void startAgain() {
        try {
            postgres = builder(port, dataDir, !temporary).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private void createDatabases(List<String> databases) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!database.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("Bad database name " + database);
                }
                try (PreparedStatement exists =
                        connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create databases " + databases, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary) {
                deleteQuietly(dataDir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
