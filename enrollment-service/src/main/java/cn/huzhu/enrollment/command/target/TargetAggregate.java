package cn.huzhu.enrollment.command.target;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.enrollment.command.Districts;
import cn.huzhu.enrollment.command.UnknownUnitException;
import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** An enrolment target of a unit or district for a plan year. Setting the same number again records nothing. */
@Aggregate
public class TargetAggregate {

    @AggregateIdentifier
    private String targetId;

    private Integer target;

    protected TargetAggregate() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public TargetSetEvent handle(
            SetTargetCommand command, UnitDirectory units, PlanCatalog plans, Districts districts) {
        if (command.scope() == TargetScope.DISTRICT
                && (command.district() == null
                        || !districts.known(command.district().strip()))) {
            throw new TargetRefusedException(
                    "UNKNOWN_DISTRICT", "district", "There is no such district in the registry (GET /api/districts)");
        }
        if (command.planId() != null && !command.planId().isBlank() && !plans.exists(command.planId())) {
            throw new TargetRefusedException("UNKNOWN_PLAN", "planId", "There is no plan " + command.planId());
        }
        String district = command.scope() == TargetScope.UNIT
                ? units.districtOf(command.unitId()).orElseThrow(() -> new UnknownUnitException(command.unitId()))
                : command.district().strip();
        String planId = command.planId() == null || command.planId().isBlank() ? null : command.planId();
        TargetSetEvent set = new TargetSetEvent(
                command.targetId(),
                command.scope(),
                command.unitId(),
                district,
                command.year(),
                planId,
                command.target());
        if (target == null || target != command.target()) {
            apply(set);
        }
        return set;
    }

    @EventSourcingHandler
    void on(TargetSetEvent event) {
        targetId = event.targetId();
        target = event.target();
    }
}
