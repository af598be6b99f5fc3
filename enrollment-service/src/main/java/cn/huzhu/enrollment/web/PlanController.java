package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.query.PlanQueries.FindPlanQuery;
import cn.huzhu.enrollment.query.PlanQueries.FindPlansQuery;
import cn.huzhu.enrollment.query.PlanQueries.PlanVersionView;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
public class PlanController {

    private final QueryGateway queries;

    public PlanController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<PlanVersionView> list() {
        return queries.query(new FindPlansQuery(), ResponseTypes.multipleInstancesOf(PlanVersionView.class)).join();
    }

    @GetMapping("/{planId}")
    public List<PlanVersionView> versions(@PathVariable String planId) {
        List<PlanVersionView> versions = queries.query(new FindPlanQuery(planId), ResponseTypes.multipleInstancesOf(PlanVersionView.class)).join();
        if (versions.isEmpty()) {
            throw new NotFoundException("plan", planId);
        }
        return versions;
    }
}
