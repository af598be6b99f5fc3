package cn.huzhu.enrollment.query;

import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import cn.huzhu.enrollment.command.unit.UnitIncentivePolicy;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Units from the unit view, which is written in the transaction that registers the unit. A unit never
 * changes, so found units are kept in memory: registering a roster of a thousand members reads the unit
 * once instead of loading (and locking) the unit aggregate a thousand times.
 */
@Component
public class UnitDirectoryView implements UnitDirectory {

    private final JdbcTemplate jdbc;
    private final Map<String, UnitFacts> units = new ConcurrentHashMap<>();

    public UnitDirectoryView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UnitFacts> find(String unitId) {
        UnitFacts known = units.get(unitId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> id = uuid(unitId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<UnitFacts> unit = jdbc
                .query(
                        "select district, nature, insured_headcount from unit_view where unit_id = ?",
                        (rs, i) -> new UnitFacts(
                                unitId,
                                rs.getString("district"),
                                UnitNature.valueOf(rs.getString("nature")),
                                rs.getInt("insured_headcount")),
                        id.get())
                .stream()
                .findFirst();
        unit.ifPresent(u -> units.put(unitId, u));
        return unit;
    }

    @Override
    public int enrolledMembers(String unitId, String planId, LocalDate from, LocalDate to) {
        Optional<UUID> id = uuid(unitId);
        if (id.isEmpty()) {
            return 0;
        }
        Integer count = jdbc.queryForObject("""
                select count(distinct e.member_id) from enrollment_view e join member_view m on m.member_id = e.member_id
                where m.unit_id = ? and e.plan_id = ? and e.coverage_start <= ? and e.coverage_end >= ?""", Integer.class, id.get(), planId, to, from);
        return count == null ? 0 : count;
    }

    @Override
    public Optional<UnitIncentivePolicy.PayoutRecord> payoutRecord(String unitId, int year, String planId) {
        org.springframework.jdbc.core.RowMapper<UnitIncentivePolicy.PayoutRecord> record = (rs, i) ->
                new UnitIncentivePolicy.PayoutRecord(year, rs.getInt("enrolled"), rs.getBigDecimal("payout_ratio"));
        return uuid(unitId)
                .flatMap(id -> (planId == null
                                ? jdbc.query(
                                        "select enrolled, payout_ratio from unit_payout_ratio_view where unit_id = ? and year = ?",
                                        record,
                                        id,
                                        year)
                                : jdbc.query(
                                        "select enrolled, payout_ratio from unit_plan_payout_ratio_view where unit_id = ? and year = ? and plan_id = ?",
                                        record,
                                        id,
                                        year,
                                        planId))
                        .stream().findFirst());
    }

    @Override
    public boolean paysDuesInFull(String unitId) {
        return uuid(unitId)
                .map(id -> jdbc
                        .query(
                                "select dues_paid_in_full from unit_view where unit_id = ?",
                                (rs, i) -> rs.getBoolean(1),
                                id)
                        .stream()
                        .findFirst()
                        .orElse(false))
                .orElse(false);
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
