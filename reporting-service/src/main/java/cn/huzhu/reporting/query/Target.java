package cn.huzhu.reporting.query;

import cn.huzhu.reporting.query.DistrictEnrollmentProjection.Event;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables a projection writes: the live ones, or the shadow copies a rebuild fills (the live names with a suffix).
 * Live, each poll's event ids are checked against those applied before. A rebuild's replay usually drops repeated
 * events itself, before the projections see them ({@code deduplicated}): then the ids of the applied events are only
 * appended to its shadow tables (and indexed once the replay is done).
 */
public record Target(String suffix, boolean deduplicated) {

    public static final Target LIVE = new Target("", false);

    public Target {
        if (suffix.isEmpty() && deduplicated) {
            throw new IllegalArgumentException(
                    "The live tables are fed by the listeners, which deduplicate against them");
        }
    }

    /** The shadow tables of a rebuild; {@code deduplicated}: fed with events each seen once. */
    public static Target rebuild(String suffix, boolean deduplicated) {
        if (suffix.isEmpty()) {
            throw new IllegalArgumentException("A rebuild writes to tables with a suffix");
        }
        return new Target(suffix, deduplicated);
    }

    /** The name of {@code table} in this set. */
    public String table(String table) {
        return table + suffix;
    }

    /** The events of {@code events} to apply, their ids recorded in {@code processedTable} (of this set). */
    List<Event> fresh(JdbcTemplate jdbc, String processedTable, List<Event> events) {
        if (deduplicated) {
            ProcessedEvents.append(jdbc, table(processedTable), events);
            return events;
        }
        return ProcessedEvents.fresh(jdbc, table(processedTable), events);
    }
}
