package cn.huzhu.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * View rows written by a subscribing projection, collected over the command's unit of work and written as JDBC batches
 * just before it commits, in the same transaction as its events (one statement each had cost a roster of 5 000 members,
 * 15 000 view rows, most of its time). Without a unit of work a statement runs at once. Two ways of collecting, one per
 * unit of work:
 * <ul>
 *   <li>{@link #add}: grouped by SQL, in the order each SQL first appeared, for projections whose later statements only
 *       touch rows an earlier SQL inserted (an update of a row inserted in the same unit of work comes after the insert);</li>
 *   <li>{@link #addInOrder}: in the order written, consecutive statements of one SQL in one batch, for projections whose
 *       rows are changed by several events in any order (what an event writes is one statement, so that a group of
 *       commands of one kind makes long runs).</li>
 * </ul>
 */
public final class ViewWriteBatch {

    private static final String GROUPED = ViewWriteBatch.class.getName() + ".grouped";
    private static final String IN_ORDER = ViewWriteBatch.class.getName() + ".inOrder";

    private final Map<String, List<Object[]>> grouped = new LinkedHashMap<>();
    private final List<Run> runs = new ArrayList<>();

    private record Run(String sql, List<Object[]> rows) {}

    private ViewWriteBatch() {}

    /** Adds a statement to the unit of work's batches, grouped by its SQL. */
    public static void add(JdbcTemplate jdbc, String sql, Object... args) {
        ViewWriteBatch batch = batch(jdbc, GROUPED, sql, args);
        if (batch != null) {
            batch.grouped.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
        }
    }

    /** Adds a statement to the unit of work's batches after every statement added before it. */
    public static void addInOrder(JdbcTemplate jdbc, String sql, Object... args) {
        ViewWriteBatch batch = batch(jdbc, IN_ORDER, sql, args);
        if (batch != null) {
            Run last = batch.runs.isEmpty() ? null : batch.runs.get(batch.runs.size() - 1);
            if (last == null || !Objects.equals(last.sql(), sql)) {
                last = new Run(sql, new ArrayList<>());
                batch.runs.add(last);
            }
            last.rows().add(args);
        }
    }

    /** The batch of the current unit of work, or none (the statement run at once) outside one. */
    private static ViewWriteBatch batch(JdbcTemplate jdbc, String resource, String sql, Object[] args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resource, key -> {
            ViewWriteBatch created = new ViewWriteBatch();
            root.onPrepareCommit(u -> created.flush(jdbc));
            return created;
        });
    }

    private void flush(JdbcTemplate jdbc) {
        grouped.forEach(jdbc::batchUpdate);
        grouped.clear();
        runs.forEach(run -> jdbc.batchUpdate(run.sql(), run.rows()));
        runs.clear();
    }
}
