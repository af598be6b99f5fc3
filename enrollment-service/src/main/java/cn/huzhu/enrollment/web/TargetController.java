package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.target.SetTargetCommand;
import cn.huzhu.enrollment.command.target.TargetScope;
import cn.huzhu.enrollment.command.target.TargetSetEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/targets")
public class TargetController {

    private final CommandGateway commands;

    public TargetController(CommandGateway commands) {
        this.commands = commands;
    }

    /** {@code unitId} for a UNIT target, {@code district} for a DISTRICT target; {@code planId} empty for all plans. */
    public record SetTargetRequest(
            @NotNull TargetScope scope,
            UUID unitId,
            @Size(max = 100) String district,
            @NotNull @Min(2000) @Max(2200) Integer year,
            @Size(max = 100) String planId,
            @NotNull @Min(0) @Max(100_000_000) Integer target) {}

    /** Sets (or replaces) the target and answers it as recorded. */
    @PostMapping
    public TargetSetEvent set(@Valid @RequestBody SetTargetRequest request) {
        return commands.sendAndWait(new SetTargetCommand(
                null,
                request.scope(),
                request.unitId() == null ? null : request.unitId().toString(),
                request.district(),
                request.year(),
                request.planId(),
                request.target()));
    }
}
