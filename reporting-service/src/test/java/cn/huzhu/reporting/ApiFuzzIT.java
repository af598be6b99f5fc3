package cn.huzhu.reporting;

import cn.huzhu.security.ApiFuzzContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed requests to every report: refused as problem details and changing no projection. The projection rebuild is
 * left out: it replays the event log by design.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzIT extends OnLocalStack implements ApiFuzzContract {

    /** The rows of every projection table (the audit log, in its own schema, records refusals by design). */
    @Override
    public long storedChanges(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String counts = String.join(" union all ", jdbc.queryForList("""
                select format('select count(*) as n from public.%I', table_name) from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""", String.class));
        return jdbc.queryForObject("select coalesce(sum(n), 0) from (" + counts + ") t", Long.class);
    }

    @Override
    public boolean skipped(String operation) {
        return operation.startsWith("POST /api/admin/projections/");
    }
}
