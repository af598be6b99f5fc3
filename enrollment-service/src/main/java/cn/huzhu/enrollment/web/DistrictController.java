package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.config.DistrictRegistry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The districts units may belong to, per region (the registry held as data); any other district is refused. */
@RestController
public class DistrictController {

    private final DistrictRegistry districts;

    public DistrictController(DistrictRegistry districts) {
        this.districts = districts;
    }

    @GetMapping("/api/districts")
    public List<DistrictRegistry.Region> districts() {
        return districts.regions();
    }
}
