package cn.huzhu.claims.query;

import cn.huzhu.claims.command.claim.PlanDirectory;
import cn.huzhu.claims.engine.PlanRules;
import cn.huzhu.claims.plans.PlanRulesReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plan versions from the catalogue's events, kept in memory per plan (a version never changes); a plan's
 * versions are read again when the catalogue publishes a new one ({@link #forget}). A claim is judged by the version
 * in force on its event date: the highest-numbered one whose {@code validFrom} is on or before it, as enrolment picks it.
 */
@Component
public class PlanDirectoryView implements PlanDirectory {

    /** A version as it applies: from when, and its parsed rules. */
    private record Version(LocalDate validFrom, int version, PlanRules rules) {}

    private final JdbcTemplate jdbc;
    private final Map<String, List<Version>> versions = new ConcurrentHashMap<>();

    public PlanDirectoryView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PlanRules> rulesOn(String planId, LocalDate date) {
        List<Version> known = versions.computeIfAbsent(
                planId,
                id -> jdbc.query(
                        "select valid_from, version, definition from plan_definition where plan_id = ? order by version",
                        (rs, i) -> new Version(
                                rs.getObject("valid_from", LocalDate.class),
                                rs.getInt("version"),
                                PlanRulesReader.read(rs.getString("definition"))),
                        id));
        Version inForce = null;
        for (Version version : known) {
            if (!version.validFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce).map(Version::rules);
    }

    /** A new version of the plan arrived. */
    public void forget(String planId) {
        versions.remove(planId);
    }
}
