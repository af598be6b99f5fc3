package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.RegisterUnitCommand;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.enrollment.query.FindUnitQuery;
import cn.huzhu.enrollment.query.UnitView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
public class UnitController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public UnitController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public record CreateUnitRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String district,
                                    @NotNull UnitNature nature, @NotNull @PositiveOrZero Integer insuredHeadcount) {
    }

    @PostMapping
    public ResponseEntity<UnitView> create(@Valid @RequestBody CreateUnitRequest request) {
        String unitId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterUnitCommand(unitId, request.name(), request.district(), request.nature(), request.insuredHeadcount()));
        return ResponseEntity.created(URI.create("/api/units/" + unitId)).body(find(UUID.fromString(unitId)));
    }

    @GetMapping("/{unitId}")
    public UnitView get(@PathVariable UUID unitId) {
        return find(unitId);
    }

    private UnitView find(UUID unitId) {
        return queries.query(new FindUnitQuery(unitId), ResponseTypes.optionalInstanceOf(UnitView.class)).join()
                .orElseThrow(() -> new NotFoundException("unit", unitId.toString()));
    }
}
