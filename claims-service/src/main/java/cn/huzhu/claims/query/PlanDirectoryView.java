package cn.huzhu.claims.query;

import cn.huzhu.claims.command.PlanDirectory;
import cn.huzhu.claims.engine.PlanRules;
import cn.huzhu.claims.plans.PlanRulesReader;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Plan versions from the catalogue's events; a version never changes, so its parsed rules are kept. */
@Component
public class PlanDirectoryView implements PlanDirectory {

    private final JdbcTemplate jdbc;
    private final Map<String, PlanRules> parsed = new ConcurrentHashMap<>();

    public PlanDirectoryView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PlanRules> rulesOn(String planId, LocalDate date) {
        return jdbc.query("""
                select version, definition from plan_definition where plan_id = ? and valid_from <= ?
                order by valid_from desc, version desc limit 1""",
                (rs, i) -> parsed.computeIfAbsent(planId + "#" + rs.getInt("version"), k -> {
                    try {
                        return PlanRulesReader.read(rs.getString("definition"));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }), planId, date).stream().findFirst();
    }
}
