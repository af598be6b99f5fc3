package cn.huzhu.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's append-only audit log (every state-changing request, every refused one, every read that showed personal
 * data unmasked), in schema {@code audit} of its own database with its own migrations (so it is the
 * same in every service and independent of the service's schema history).
 */
public class AuditLog {

    /** One request: who, what, the answer, from where; {@code disclosed}: the personal data it showed unmasked (else null). */
    public record Entry(
            Long id,
            Instant at,
            String actor,
            String roles,
            String method,
            String path,
            String query,
            int status,
            String remoteAddress,
            String forwardedFor,
            String requestKey,
            String disclosed) {}

    private final JdbcTemplate jdbc;

    public AuditLog(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("audit")
                .createSchemas(true)
                .table("audit_schema_history")
                .locations("classpath:db/audit")
                .load()
                .migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void record(Entry e) {
        jdbc.update(
                """
                insert into audit.entry (actor, roles, method, path, query, status, remote_address, forwarded_for, request_key, disclosed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                cut(e.actor(), 200),
                cut(e.roles(), 300),
                e.method(),
                cut(e.path(), 1000),
                cut(e.query(), 2000),
                e.status(),
                cut(e.remoteAddress(), 100),
                cut(e.forwardedFor(), 300),
                cut(e.requestKey(), 200),
                cut(e.disclosed(), 200));
    }

    /** Newest first, optionally of one actor and within [from, to). */
    public List<Entry> find(String actor, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit.entry where true");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(
                sql.toString(),
                (rs, i) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("roles"),
                        rs.getString("method"),
                        rs.getString("path"),
                        rs.getString("query"),
                        rs.getInt("status"),
                        rs.getString("remote_address"),
                        rs.getString("forwarded_for"),
                        rs.getString("request_key"),
                        rs.getString("disclosed")),
                args.toArray());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
