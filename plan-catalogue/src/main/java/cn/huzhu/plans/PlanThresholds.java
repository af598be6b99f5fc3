package cn.huzhu.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unit thresholds of a plan version's definition (the {@code definitionJson} of {@code PlanVersionPublished}), read
 * in one place for every service that decides or reports by them (enrolment grants, reporting lists):
 * <ul>
 * <li>{@link Kind#RENEWAL_DISCOUNT}: {@code unitIncentives.renewalDiscount} ({@code minimumEnrolled} is 以上,
 * {@code maximumPayoutRatio} is 低于, {@code yearsBack});</li>
 * <li>{@link Kind#GIFT}: {@code giftRule} ({@code minimumHospitalEnrolled} 以上, {@code payoutRatioBelow} 低于, the year
 * before; {@code units.districts} and {@code units.natures}, the units it is for);</li>
 * <li>{@link Kind#MEDICAL_SUBSIDY}: {@code medicalSubsidy} with explicit thresholds ({@code enrolled},
 * {@code payoutRatio}: see {@link Threshold#read}) and {@code yearsBack}.</li>
 * </ul>
 */
public final class PlanThresholds {

    /** What a unit may earn by its figures. */
    public enum Kind {
        RENEWAL_DISCOUNT,
        GIFT,
        MEDICAL_SUBSIDY
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanThresholds() {}

    public static Map<Kind, UnitQualification> read(String definitionJson) {
        try {
            return read(JSON.readTree(definitionJson));
        } catch (IOException e) {
            throw new UncheckedIOException("A plan definition that is not JSON", e);
        }
    }

    public static Map<Kind, UnitQualification> read(JsonNode definition) {
        Map<Kind, UnitQualification> found = new EnumMap<>(Kind.class);
        JsonNode discount = definition.path("unitIncentives").path("renewalDiscount");
        if (discount.isObject()) {
            found.put(
                    Kind.RENEWAL_DISCOUNT,
                    new UnitQualification(
                            Threshold.atLeast(discount.path("minimumEnrolled").asLong()),
                            Threshold.below(new BigDecimal(
                                    discount.path("maximumPayoutRatio").asText())),
                            discount.path("yearsBack").asInt(1)));
        }
        JsonNode gift = definition.path("giftRule");
        if (gift.isObject()) {
            found.put(
                    Kind.GIFT,
                    new UnitQualification(
                            Threshold.atLeast(
                                    gift.path("minimumHospitalEnrolled").asLong()),
                            Threshold.below(
                                    new BigDecimal(gift.path("payoutRatioBelow").asText())),
                            gift.path("yearsBack").asInt(1),
                            texts(gift.path("units").path("districts")),
                            texts(gift.path("units").path("natures"))));
        }
        JsonNode subsidy = definition.path("medicalSubsidy");
        if (subsidy.isObject()) {
            found.put(
                    Kind.MEDICAL_SUBSIDY,
                    new UnitQualification(
                            Threshold.read(subsidy.path("enrolled")),
                            Threshold.read(subsidy.path("payoutRatio")),
                            subsidy.path("yearsBack").asInt(1)));
        }
        return found;
    }

    private static java.util.Set<String> texts(JsonNode array) {
        java.util.Set<String> values = new java.util.HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    public static Optional<UnitQualification> of(String definitionJson, Kind kind) {
        return Optional.ofNullable(read(definitionJson).get(kind));
    }
}
