package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.province.SetProvinceQuotaCommand;
import cn.huzhu.enrollment.query.PlanQueries.FindPlanQuery;
import cn.huzhu.enrollment.query.PlanQueries.FindPlansQuery;
import cn.huzhu.enrollment.query.PlanQueries.PlanVersionView;
import cn.huzhu.enrollment.query.ProvinceQuotaProjection.FindProvinceQuotasQuery;
import cn.huzhu.enrollment.query.ProvinceQuotaProjection.QuotasView;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.vocabulary.PlanId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
public class PlanController {

    private static final int MOST_PLACES = 10_000_000;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public PlanController(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    public List<PlanVersionView> list() {
        return queries.query(new FindPlansQuery(), ResponseTypes.multipleInstancesOf(PlanVersionView.class))
                .join();
    }

    @GetMapping("/{planId}")
    public List<PlanVersionView> versions(@PathVariable String planId) {
        List<PlanVersionView> versions = queries.query(
                        new FindPlanQuery(planId), ResponseTypes.multipleInstancesOf(PlanVersionView.class))
                .join();
        if (versions.isEmpty()) {
            throw new NotFoundException("plan", planId);
        }
        return versions;
    }

    /** The province's budget of the plan year, what the cities' quotas may cost of it, and each quota with the places taken. */
    @GetMapping("/{planId}/quotas/{year}")
    public QuotasView quotas(@PathVariable String planId, @PathVariable @Min(2000) @Max(2100) int year) {
        return findQuotas(planId, year).orElseThrow(() -> new NotFoundException("quotas", planId + " " + year));
    }

    public record QuotaRequest(
            @NotBlank @Size(max = 100) String district,
            @NotNull @Min(0) @Max(MOST_PLACES) Integer unionMembers,
            @NotNull @Min(0) @Max(MOST_PLACES) Integer hardship,
            @NotNull @Min(0) @Max(MOST_PLACES) Integer modelWorkers) {}

    /**
     * Sets a city's quotas of the province's money for the plan year (the scheme administrator, from the allocation notice):
     * places for union members (the province's part) and for hardship and model workers (the whole premium). Refused when
     * the cities' quotas together would cost more than the budget, or a quota would fall below the places taken.
     */
    @PutMapping("/{planId}/quotas/{year}")
    public QuotasView setQuota(
            @PathVariable String planId,
            @PathVariable @Min(2000) @Max(2100) int year,
            @Valid @RequestBody QuotaRequest request) {
        versions(planId);
        commands.sendAndWait(new SetProvinceQuotaCommand(
                new PlanId(planId),
                year,
                request.district(),
                request.unionMembers(),
                request.hardship(),
                request.modelWorkers(),
                Scope.actor(),
                LocalDate.now(clock)));
        return findQuotas(planId, year).orElseThrow();
    }

    private Optional<QuotasView> findQuotas(String planId, int year) {
        return queries.query(
                        new FindProvinceQuotasQuery(planId, year), ResponseTypes.optionalInstanceOf(QuotasView.class))
                .join();
    }
}
