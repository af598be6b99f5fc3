package cn.huzhu.reporting.web;

import cn.huzhu.reporting.messaging.ProjectionRebuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/projections")
public class AdminController {

    private final ProjectionRebuilder rebuilder;

    public AdminController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /**
     * Replays the topics a projection reads ({@code district-enrollment}, {@code target-completion}, {@code payout-ratio},
     * {@code claims-activity}, or {@code all} of them in one replay) from the beginning into
     * fresh tables and reports every difference to the live tables; with {@code swap=true} (the default) the rebuilt
     * tables replace the live ones.
     */
    @PostMapping("/{name}/rebuild")
    public ProjectionRebuilder.Result rebuild(
            @PathVariable String name, @RequestParam(defaultValue = "true") boolean swap) {
        return rebuilder.rebuild(name, swap);
    }
}
