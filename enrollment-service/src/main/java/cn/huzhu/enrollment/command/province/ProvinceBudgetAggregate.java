package cn.huzhu.enrollment.command.province;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.vocabulary.PlanId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The province's budget of a plan year (Guangdong: 50 M) and what the cities' quotas may cost of it: a quota is set only
 * when every city's quotas together stay within the budget, so the quotas can never spend more than there is.
 */
@Aggregate
public class ProvinceBudgetAggregate {

    @AggregateIdentifier
    private String budgetId;

    private final Map<String, BigDecimal> allocated = new HashMap<>();

    protected ProvinceBudgetAggregate() {}

    static String id(String planId, int year) {
        return "province-budget:" + planId + ":" + year;
    }

    /** Sets aside {@code cost} for the city instead of what it had; refused when the budget would be exceeded. */
    void allocate(String planId, int year, String district, BigDecimal cost, BigDecimal budget) {
        BigDecimal before = allocated.getOrDefault(district, BigDecimal.ZERO);
        if (before.compareTo(cost) == 0 && budgetId != null) {
            return;
        }
        BigDecimal total = allocated.values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(before)
                .add(cost);
        if (total.compareTo(budget) > 0) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.BUDGET_EXCEEDED,
                    "district",
                    "The quotas would cost the province " + total.toPlainString() + " in " + year + "; its budget for "
                            + planId + " is " + budget.toPlainString());
        }
        apply(new ProvinceBudgetAllocatedEvent(
                id(planId, year), new PlanId(planId), year, district, cost, total, budget));
    }

    @EventSourcingHandler
    void on(ProvinceBudgetAllocatedEvent event) {
        budgetId = event.budgetId();
        allocated.put(event.district(), event.cost());
    }
}
