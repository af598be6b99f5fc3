package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.EnrollmentRefusal;
import cn.huzhu.enrollment.command.EnrollmentRefusedException;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.enrollment.command.batch.BatchItemResult;
import cn.huzhu.enrollment.command.batch.EnrollMembersCommand;
import cn.huzhu.enrollment.command.batch.GiftUnitMembersCommand;
import cn.huzhu.enrollment.command.member.EnrollMemberCommand;
import cn.huzhu.enrollment.command.unit.RecordPayoutRatioCommand;
import cn.huzhu.enrollment.command.unit.RegisterUnitCommand;
import cn.huzhu.enrollment.command.unit.SetUnitDuesStatusCommand;
import cn.huzhu.enrollment.query.EnrollmentView;
import cn.huzhu.enrollment.query.FindRenewableEnrollmentsQuery;
import cn.huzhu.enrollment.query.FindUnitMembersQuery;
import cn.huzhu.enrollment.query.PlanQueries.FindPlanQuery;
import cn.huzhu.enrollment.query.PlanQueries.PlanVersionView;
import cn.huzhu.enrollment.query.UnitView;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.UnitId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
public class UnitController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    private final Clock clock;
    private final Scope scope;

    public UnitController(CommandGateway commands, QueryGateway queries, Clock clock, Scope scope) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.scope = scope;
    }

    public record CreateUnitRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String district,
            @NotNull UnitNature nature,
            @NotNull @Positive Integer insuredHeadcount) {}

    @PostMapping
    public ResponseEntity<UnitView> create(@Valid @RequestBody CreateUnitRequest request) {
        scope.mayRegisterIn(request.district());
        String unitId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterUnitCommand(
                new UnitId(unitId), request.name(), request.district(), request.nature(), request.insuredHeadcount()));
        return ResponseEntity.created(URI.create("/api/units/" + unitId)).body(scope.unit(UUID.fromString(unitId)));
    }

    public record RenewRequest(
            @NotBlank @Size(max = 100) String planId,
            @NotNull @Min(2000) @Max(2200) Integer year) {}

    /**
     * Renews the unit's members for the next plan year from the year's roster: every paid enrolment of the
     * plan that started in {@code year} and is not renewed yet is renewed with the same shares and term from
     * the day after it ends, so the cover stays continuous (no new waiting period). Renewing again finds
     * nothing left to renew.
     */
    @PostMapping("/{unitId}/renewals")
    public BatchResponse renew(@PathVariable UUID unitId, @Valid @RequestBody RenewRequest request) {
        find(unitId);
        if (queries.query(new FindPlanQuery(request.planId()), ResponseTypes.multipleInstancesOf(PlanVersionView.class))
                .join()
                .isEmpty()) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.UNKNOWN_PLAN, "planId", "There is no plan " + request.planId());
        }
        List<EnrollmentView> renewable = queries.query(
                        new FindRenewableEnrollmentsQuery(unitId, request.planId(), request.year()),
                        ResponseTypes.multipleInstancesOf(EnrollmentView.class))
                .join();
        if (renewable.isEmpty()) {
            return BatchResponse.of(List.of());
        }
        LocalDate today = LocalDate.now(clock);
        List<EnrollMemberCommand> items = renewable.stream()
                .map(e -> new EnrollMemberCommand(
                        e.memberId(),
                        UUID.randomUUID().toString(),
                        e.planId(),
                        e.shares(),
                        e.termYears(),
                        e.coverageEnd().plusDays(1),
                        today))
                .toList();
        List<BatchItemResult> results = commands.sendAndWait(new EnrollMembersCommand(items));
        return BatchResponse.of(results);
    }

    public record GiftRequest(
            @NotBlank @Size(max = 100) String planId,
            @NotNull @Min(2000) @Max(2100) Integer year,
            LocalDate effectiveDate) {}

    /**
     * The union's gift of a plan share to every member of a qualifying unit (Huzhou: at least 200 enrolled in
     * hospitalisation and a payout ratio below 70 % in the year before, from the imported figures). A unit that
     * does not qualify gets 422 {@code UNIT_NOT_QUALIFIED}; each member is answered in the batch form, and giving
     * the same gift again changes nothing.
     */
    @PostMapping("/{unitId}/gifts")
    public BatchResponse gift(@PathVariable UUID unitId, @Valid @RequestBody GiftRequest request) {
        find(unitId);
        List<String> members = queries.query(
                        new FindUnitMembersQuery(unitId), ResponseTypes.multipleInstancesOf(String.class))
                .join();
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = request.effectiveDate() != null ? request.effectiveDate() : today;
        List<BatchItemResult> results = commands.sendAndWait(new GiftUnitMembersCommand(
                new UnitId(unitId.toString()),
                new PlanId(request.planId()),
                request.year(),
                effective,
                members,
                today));
        return BatchResponse.of(results);
    }

    /** {@code planId}: the plan the figures are of (it may be one the platform does not run); absent: the unit's whole scheme. */
    public record PayoutRatioRequest(
            @NotNull @PositiveOrZero Integer enrolled,
            @NotNull @DecimalMin("0") @DecimalMax("10") BigDecimal payoutRatio,
            @Size(max = 200) String source,
            @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+") String planId) {}

    public record PayoutRatio(
            String unitId, int year, int enrolled, BigDecimal payoutRatio, String source, String planId) {}

    /**
     * Imports the unit's enrolment and payout ratio of a year (0.43 for 43 %), as the union computed them, until
     * claims and payouts on the platform produce them; renewal discounts and gifts are decided from them.
     * The same figures again change nothing; other figures correct the year.
     */
    @PutMapping("/{unitId}/payout-ratios/{year}")
    public PayoutRatio recordPayoutRatio(
            @PathVariable UUID unitId,
            @PathVariable @Min(2000) @Max(2100) int year,
            @Valid @RequestBody PayoutRatioRequest request) {
        find(unitId);
        commands.sendAndWait(new RecordPayoutRatioCommand(
                new UnitId(unitId.toString()),
                year,
                request.enrolled(),
                request.payoutRatio(),
                request.source(),
                request.planId() == null ? null : new PlanId(request.planId())));
        return new PayoutRatio(
                unitId.toString(), year, request.enrolled(), request.payoutRatio(), request.source(), request.planId());
    }

    public record DuesStatusRequest(@NotNull Boolean paysDuesInFull) {}

    /**
     * Records whether the unit has a union and pays its union dues in full (足额上缴工会经费), from the union's registers
     * (district officers of the unit's district, the scheme administrator): Guangdong's province part depends on it.
     */
    @PutMapping("/{unitId}/dues-status")
    public UnitView setDuesStatus(@PathVariable UUID unitId, @Valid @RequestBody DuesStatusRequest request) {
        find(unitId);
        commands.sendAndWait(new SetUnitDuesStatusCommand(
                new UnitId(unitId.toString()), request.paysDuesInFull(), Scope.actor(), LocalDate.now(clock)));
        return find(unitId);
    }

    @GetMapping("/{unitId}")
    public UnitView get(@PathVariable UUID unitId) {
        return find(unitId);
    }

    private UnitView find(UUID unitId) {
        return scope.unit(unitId);
    }
}
