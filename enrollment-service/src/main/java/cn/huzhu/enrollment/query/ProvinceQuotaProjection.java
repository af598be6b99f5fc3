package cn.huzhu.enrollment.query;

import cn.huzhu.axon.ViewWriteBatch;
import cn.huzhu.enrollment.command.province.ProvinceBudgetAllocatedEvent;
import cn.huzhu.enrollment.command.province.ProvinceGroup;
import cn.huzhu.enrollment.command.province.ProvinceQuotaSetEvent;
import cn.huzhu.enrollment.command.province.ProvinceQuotaTakenEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The province's budget of a plan year and each city's quotas with the places taken, in the events' transaction. */
@Component
@ProcessingGroup("member-views")
public class ProvinceQuotaProjection {

    /** The quotas of a plan year; {@code budget} is empty when none was set. */
    public record FindProvinceQuotasQuery(String planId, int year) {}

    /** One city's quota of one group and the places taken. */
    public record QuotaView(String district, ProvinceGroup group, int quota, int taken) {
        public int left() {
            return quota - taken;
        }
    }

    /** The budget, what the cities' quotas may cost of it, and the quotas. */
    public record QuotasView(
            String planId, int year, BigDecimal budget, BigDecimal allocated, List<QuotaView> quotas) {}

    private final JdbcTemplate jdbc;

    public ProvinceQuotaProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProvinceBudgetAllocatedEvent e) {
        jdbc.update("""
                insert into province_budget_view (plan_id, year, budget, allocated) values (?, ?, ?, ?)
                on conflict (plan_id, year) do update set budget = excluded.budget, allocated = excluded.allocated""", e.planId().value(), e.year(), e.budget(), e.allocated());
    }

    @EventHandler
    void on(ProvinceQuotaSetEvent e) {
        for (Object[] row : List.of(
                new Object[] {ProvinceGroup.UNION_MEMBERS, e.unionMembers()},
                new Object[] {ProvinceGroup.HARDSHIP, e.hardship()},
                new Object[] {ProvinceGroup.MODEL_WORKERS, e.modelWorkers()})) {
            jdbc.update("""
                    insert into province_quota_view (plan_id, year, district, grp, quota) values (?, ?, ?, ?, ?)
                    on conflict (plan_id, year, district, grp) do update set quota = excluded.quota""", e.planId().value(), e.year(), e.district(), row[0].toString(), row[1]);
        }
    }

    @EventHandler
    void on(ProvinceQuotaTakenEvent e) {
        ViewWriteBatch.add(
                jdbc,
                "update province_quota_view set taken = taken + 1 where plan_id = ? and year = ? and district = ? and grp = ?",
                e.planId().value(),
                e.year(),
                e.district(),
                e.group().name());
    }

    @QueryHandler
    Optional<QuotasView> handle(FindProvinceQuotasQuery query) {
        return jdbc
                .query(
                        "select budget, allocated from province_budget_view where plan_id = ? and year = ?",
                        (rs, i) -> new QuotasView(
                                query.planId(),
                                query.year(),
                                rs.getBigDecimal("budget"),
                                rs.getBigDecimal("allocated"),
                                jdbc.query(
                                        "select district, grp, quota, taken from province_quota_view where plan_id = ? and year = ? order by district, grp",
                                        (q, j) -> new QuotaView(
                                                q.getString("district"),
                                                ProvinceGroup.valueOf(q.getString("grp")),
                                                q.getInt("quota"),
                                                q.getInt("taken")),
                                        query.planId(),
                                        query.year())),
                        query.planId(),
                        query.year())
                .stream()
                .findFirst();
    }
}
