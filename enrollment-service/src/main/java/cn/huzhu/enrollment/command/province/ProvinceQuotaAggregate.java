package cn.huzhu.enrollment.command.province;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.vocabulary.EnrollmentId;
import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A city's quotas of the province's money for one plan year, and the places taken. The city is the consistency
 * boundary of the quota: two enrolments cannot both take its last place. Kept in the member cache, as it is touched by
 * every funded enrolment of the city.
 */
@Aggregate(cache = "memberCache")
public class ProvinceQuotaAggregate {

    @AggregateIdentifier
    private String quotaId;

    private final Map<ProvinceGroup, Integer> quota = new EnumMap<>(ProvinceGroup.class);
    private final Map<ProvinceGroup, Integer> taken = new EnumMap<>(ProvinceGroup.class);

    protected ProvinceQuotaAggregate() {}

    static String id(String planId, int year, String district) {
        return "province-quota:" + planId + ":" + year + ":" + district;
    }

    /** Sets the quotas; none may fall below the places already taken. The same quotas again record nothing. */
    void set(SetProvinceQuotaCommand command, BigDecimal cost) {
        boolean same = quotaId != null;
        for (ProvinceGroup group : ProvinceGroup.values()) {
            int wanted = command.quotaOf(group);
            if (wanted < taken(group)) {
                throw new EnrollmentRefusedException(
                        EnrollmentRefusal.QUOTA_BELOW_TAKEN,
                        group.name(),
                        "The " + command.district() + " quota of " + group + " cannot be " + wanted + ": "
                                + taken(group) + " place(s) are already taken");
            }
            same &= wanted == quota.getOrDefault(group, -1);
        }
        if (!same) {
            apply(new ProvinceQuotaSetEvent(
                    id(command.planId().value(), command.year(), command.district()),
                    command.planId(),
                    command.year(),
                    command.district(),
                    command.unionMembers(),
                    command.hardship(),
                    command.modelWorkers(),
                    cost,
                    command.setBy(),
                    command.today()));
        }
    }

    /** Takes a place for the enrolment when one is left. */
    boolean take(
            ProvinceGroup group,
            String planId,
            int year,
            String district,
            String enrollmentId,
            String memberId,
            BigDecimal amount) {
        if (taken(group) >= quota.getOrDefault(group, 0)) {
            return false;
        }
        apply(new ProvinceQuotaTakenEvent(
                quotaId,
                new PlanId(planId),
                year,
                district,
                group,
                new EnrollmentId(enrollmentId),
                new MemberId(memberId),
                amount));
        return true;
    }

    private int taken(ProvinceGroup group) {
        return taken.getOrDefault(group, 0);
    }

    @EventSourcingHandler
    void on(ProvinceQuotaSetEvent event) {
        quotaId = event.quotaId();
        quota.put(ProvinceGroup.UNION_MEMBERS, event.unionMembers());
        quota.put(ProvinceGroup.HARDSHIP, event.hardship());
        quota.put(ProvinceGroup.MODEL_WORKERS, event.modelWorkers());
    }

    @EventSourcingHandler
    void on(ProvinceQuotaTakenEvent event) {
        taken.merge(event.group(), 1, Integer::sum);
    }
}
