package cn.huzhu.enrollment.query;

import cn.huzhu.enrollment.command.UnitDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Unit districts from the unit view, which is written in the transaction that registers the unit. A unit's
 * district never changes, so found districts are kept in memory: registering a roster of a thousand members
 * reads the unit once instead of loading (and locking) the unit aggregate a thousand times.
 */
@Component
public class UnitDirectoryView implements UnitDirectory {

    private final JdbcTemplate jdbc;
    private final Map<String, String> districts = new ConcurrentHashMap<>();

    public UnitDirectoryView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> districtOf(String unitId) {
        String known = districts.get(unitId);
        if (known != null) {
            return Optional.of(known);
        }
        UUID id;
        try {
            id = UUID.fromString(unitId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<String> district = jdbc.queryForList("select district from unit_view where unit_id = ?", String.class, id).stream().findFirst();
        district.ifPresent(d -> districts.put(unitId, d));
        return district;
    }
}
