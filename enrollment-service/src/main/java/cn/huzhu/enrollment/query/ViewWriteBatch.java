package cn.huzhu.enrollment.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * View rows written by a subscribing projection, collected over the command's unit of work and written as
 * JDBC batches just before it commits, in the same transaction as its events. A roster of 5 000 members
 * makes 15 000 view rows: one statement each cost most of its time. The statements are written grouped by
 * their SQL, in the order each SQL first appeared: an update of a row inserted in the same unit of work comes
 * after the insert. Without a unit of work the statement runs at once.
 */
final class ViewWriteBatch {

    private static final String RESOURCE = ViewWriteBatch.class.getName();

    private final Map<String, List<Object[]>> statements = new LinkedHashMap<>();

    private ViewWriteBatch() {
    }

    static void add(JdbcTemplate jdbc, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        ViewWriteBatch batch = root.getOrComputeResource(RESOURCE, key -> {
            ViewWriteBatch created = new ViewWriteBatch();
            root.onPrepareCommit(u -> created.flush(jdbc));
            return created;
        });
        batch.statements.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    private void flush(JdbcTemplate jdbc) {
        statements.forEach(jdbc::batchUpdate);
        statements.clear();
    }
}
