package cn.huzhu.enrollment.query;

import cn.huzhu.enrollment.command.plan.PlanCatalog;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The plan catalogue as the API lists it. */
@Component
public class PlanQueries {

    private final PlanCatalog catalog;

    public PlanQueries(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    public record FindPlansQuery() {}

    public record FindPlanQuery(String planId) {}

    /** {@code definition} is the plan file itself, embedded as JSON. */
    public record PlanVersionView(
            String planId,
            int version,
            String name,
            String region,
            java.time.LocalDate validFrom,
            @com.fasterxml.jackson.annotation.JsonRawValue String definition) {}

    @QueryHandler
    List<PlanVersionView> handle(FindPlansQuery query) {
        return catalog.allVersions().stream().map(PlanQueries::view).toList();
    }

    @QueryHandler
    List<PlanVersionView> handle(FindPlanQuery query) {
        return catalog.allVersions().stream()
                .filter(v -> v.planId().equals(query.planId()))
                .map(PlanQueries::view)
                .toList();
    }

    private static PlanVersionView view(cn.huzhu.enrollment.command.plan.PlanVersion v) {
        return new PlanVersionView(v.planId(), v.version(), v.name(), v.region(), v.validFrom(), v.definitionJson());
    }
}
