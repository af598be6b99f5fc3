package cn.huzhu.enrollment.config;

import cn.huzhu.enrollment.command.Districts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The district registry read from {@code districts/districts.json}: every region's districts, as the seeds name them. */
public final class DistrictRegistry implements Districts {

    /** A region and its districts. */
    public record Region(String region, List<String> districts) {}

    private final List<Region> regions;
    private final Set<String> all;

    private DistrictRegistry(List<Region> regions) {
        this.regions = List.copyOf(regions);
        Set<String> names = new LinkedHashSet<>();
        regions.forEach(r -> names.addAll(r.districts()));
        this.all = Set.copyOf(names);
    }

    public static DistrictRegistry load() {
        try (InputStream in = DistrictRegistry.class.getResourceAsStream("/districts/districts.json")) {
            JsonNode tree = new ObjectMapper().readTree(in);
            List<Region> regions = new ArrayList<>();
            for (JsonNode region : tree.path("regions")) {
                List<String> districts = new ArrayList<>();
                region.path("districts").forEach(d -> districts.add(d.asText()));
                regions.add(new Region(region.path("region").asText(), List.copyOf(districts)));
            }
            return new DistrictRegistry(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean known(String district) {
        return all.contains(district);
    }

    public List<Region> regions() {
        return regions;
    }
}
