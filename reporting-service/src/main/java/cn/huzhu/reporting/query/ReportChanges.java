package cn.huzhu.reporting.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A count of the changes to what the reports read, kept in the database so that every instance of the service sees
 * the changes any of them commits: each change bumps its source's row in the transaction that commits it (a reader sees
 * the new count exactly when it sees the change). The row is written last, so it is locked only until the commit.
 */
@Component
public class ReportChanges {

    private final JdbcTemplate jdbc;

    public ReportChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a change by {@code source}; to be called inside the transaction of the change, as its last statement. */
    public void record(String source) {
        jdbc.update(
                "insert into report_change as c (source, changes) values (?, 1)"
                        + " on conflict (source) do update set changes = c.changes + 1",
                source);
    }

    /** The changes committed so far, from every source. */
    public long count() {
        return jdbc.queryForObject("select coalesce(sum(changes), 0) from report_change", Long.class);
    }
}
