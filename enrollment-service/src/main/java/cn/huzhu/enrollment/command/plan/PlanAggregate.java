package cn.huzhu.enrollment.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A plan and its versions. A version, once registered, never changes: a new notice is a new version. */
@Aggregate
public class PlanAggregate {

    @AggregateIdentifier
    private String planId;

    private final Map<Integer, String> contentHashByVersion = new HashMap<>();

    protected PlanAggregate() {}

    /** Registering the same version again with the same content is a no-op, so start-up loading is repeatable. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterPlanVersionCommand command) {
        String known = contentHashByVersion.get(command.version());
        if (known != null) {
            if (!known.equals(command.contentHash())) {
                throw new PlanVersionImmutableException(command.planId().value(), command.version());
            }
            return;
        }
        apply(new PlanVersionRegisteredEvent(
                command.planId(),
                command.version(),
                command.name(),
                command.region(),
                command.validFrom(),
                command.definitionJson(),
                command.contentHash()));
    }

    @EventSourcingHandler
    void on(PlanVersionRegisteredEvent event) {
        planId = event.planId().value();
        contentHashByVersion.put(event.version(), event.contentHash());
    }
}
