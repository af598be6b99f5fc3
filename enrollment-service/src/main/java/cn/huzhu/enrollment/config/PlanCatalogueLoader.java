package cn.huzhu.enrollment.config;

import cn.huzhu.enrollment.command.plan.PlanCatalog;
import cn.huzhu.enrollment.command.plan.PlanVersion;
import cn.huzhu.plans.InvalidPlanException;
import cn.huzhu.plans.PlanDefinition;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The plan catalogue: one JSON file per plan version under {@code plans/<planId>/v<N>.json} (module plan-catalogue), read
 * once at start-up through the catalogue's one reader, which checks each against the plan schema. The version in force on a date is the highest-numbered one whose {@code validFrom} is on or before it
 * (ADR 0024): an amendment from a later date applies from that date, the versions before it still apply before;
 * a correction of a misread rule supersedes what it corrects from its own {@code validFrom}, which may be the same
 * date or an earlier one (Quzhou's v3 opens the 2020 enrolment in 2019).
 */
public final class PlanCatalogueLoader implements PlanCatalog {

    static final String LOCATION = "classpath*:plans/*/v*.json";

    private final Map<String, List<PlanVersion>> versionsByPlan;
    private final Map<String, String> hashes = new TreeMap<>();

    private PlanCatalogueLoader(List<PlanVersion> versions) {
        this.versionsByPlan = versions.stream()
                .collect(Collectors.groupingBy(
                        PlanVersion::planId,
                        TreeMap::new,
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                list -> list.stream()
                                        .sorted(Comparator.comparing(PlanVersion::version))
                                        .toList())));
        versions.forEach(v -> hashes.put(v.planId() + "#" + v.version(), sha256(v.definitionJson())));
    }

    /** A catalogue of these versions (tests of the version rule). */
    static PlanCatalogueLoader of(List<PlanVersion> versions) {
        return new PlanCatalogueLoader(versions);
    }

    public static PlanCatalogueLoader load() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            List<PlanVersion> versions = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode tree = checked(resource, mapper.readTree(in));
                    PlanVersion parsed = mapper.treeToValue(tree, PlanVersion.class);
                    String canonical = mapper.writeValueAsString(tree);
                    PlanVersion version = new PlanVersion(
                            parsed.planId(),
                            parsed.version(),
                            parsed.name(),
                            parsed.region(),
                            parsed.validFrom(),
                            parsed.eligibility(),
                            parsed.terms(),
                            parsed.maxShares(),
                            parsed.coverage(),
                            parsed.windows(),
                            parsed.renewalsOutsideWindow(),
                            parsed.waiting(),
                            parsed.gifts(),
                            parsed.funding(),
                            parsed.groupRules(),
                            parsed.unitIncentives(),
                            parsed.giftRule(),
                            canonical);
                    String expectedName = "plans/" + version.planId() + "/v" + version.version() + ".json";
                    if (!resource.getURL().toString().endsWith(expectedName)) {
                        throw new IllegalStateException("Plan file " + resource + " must be " + expectedName);
                    }
                    versions.add(version);
                }
            }
            if (versions.isEmpty()) {
                throw new IllegalStateException("No plan files found at " + LOCATION);
            }
            return new PlanCatalogueLoader(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plan catalogue", e);
        }
    }

    /** The definition as the catalogue's one reader checks it: a file that does not meet the plan schema stops the start. */
    private static JsonNode checked(Resource resource, JsonNode tree) {
        try {
            return PlanDefinition.check(tree);
        } catch (InvalidPlanException e) {
            throw new IllegalStateException("Plan file " + resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PlanVersion> versionOn(String planId, LocalDate date) {
        List<PlanVersion> versions = versionsByPlan.getOrDefault(planId, List.of());
        PlanVersion inForce = null;
        for (PlanVersion version : versions) {
            if (!version.validFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }

    @Override
    public boolean exists(String planId) {
        return versionsByPlan.containsKey(planId);
    }

    @Override
    public List<PlanVersion> allVersions() {
        return versionsByPlan.values().stream().flatMap(List::stream).toList();
    }

    public String contentHash(PlanVersion version) {
        return hashes.get(version.planId() + "#" + version.version());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
