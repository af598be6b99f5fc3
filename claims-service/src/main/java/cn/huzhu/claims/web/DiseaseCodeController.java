package cn.huzhu.claims.web;

import cn.huzhu.claims.engine.DiseaseCodes;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The diagnoses a claim may name, with their Chinese names (docs/disease-codes.md gives the sources). */
@RestController
public class DiseaseCodeController {

    public record DiseaseCode(String code, String name) {}

    @GetMapping("/api/disease-codes")
    public List<DiseaseCode> diseaseCodes() {
        return DiseaseCodes.all().entrySet().stream()
                .map(e -> new DiseaseCode(e.getKey(), e.getValue()))
                .toList();
    }
}
