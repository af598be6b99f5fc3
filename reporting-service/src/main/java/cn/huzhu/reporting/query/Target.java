package cn.huzhu.reporting.query;

import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables a projection writes: the live ones, or the shadow copies a rebuild fills (the live names with a suffix).
 * A rebuild's replay drops repeated events itself, before the projections see them, so in its shadow tables the ids of
 * the applied events are only appended (and indexed once the replay is done); live, each poll's ids are checked against
 * those applied before.
 */
public record Target(String suffix, boolean replay) {

    public static final Target LIVE = new Target("", false);

    public Target {
        if (replay == suffix.isEmpty()) {
            throw new IllegalArgumentException("A rebuild writes to tables with a suffix, the live projection to those without");
        }
    }

    /** The shadow tables of a rebuild, fed with events each seen once. */
    public static Target rebuild(String suffix) {
        return new Target(suffix, true);
    }

    /** The name of {@code table} in this set. */
    public String table(String table) {
        return table + suffix;
    }

    /** The events of {@code events} to apply, their ids recorded in {@code processedTable} (of this set). */
    List<Event> fresh(JdbcTemplate jdbc, String processedTable, List<Event> events) {
        if (replay) {
            ProcessedEvents.append(jdbc, table(processedTable), events);
            return events;
        }
        return ProcessedEvents.fresh(jdbc, table(processedTable), events);
    }
}
