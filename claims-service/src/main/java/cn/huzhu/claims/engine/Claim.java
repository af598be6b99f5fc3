package cn.huzhu.claims.engine;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A claim as the engine needs it. {@code eventDate} is the admission, diagnosis, injury or death date;
 * {@code exclusions} are the exclusion codes found (e.g. DRUNK_DRIVING).
 */
public record Claim(
        ClaimType type,
        LocalDate eventDate,
        LocalDate dischargeDate,
        Integer hospitalDays,
        String hospitalGrade,
        String diseaseCode,
        Integer injuryGrade,
        Cause cause,
        Set<String> exclusions,
        Bill bill) {

    public Claim {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventDate, "eventDate");
        cause = cause == null ? Cause.ILLNESS : cause;
        exclusions = exclusions == null ? Set.of() : Set.copyOf(exclusions);
    }

    public static Claim hospitalization(LocalDate admitted, int days, Bill bill) {
        return new Claim(
                ClaimType.HOSPITALIZATION,
                admitted,
                admitted.plusDays(days),
                days,
                null,
                null,
                null,
                Cause.ILLNESS,
                Set.of(),
                bill);
    }

    public static Claim diagnosis(LocalDate diagnosed, String diseaseCode) {
        return new Claim(
                ClaimType.CRITICAL_ILLNESS,
                diagnosed,
                null,
                null,
                null,
                diseaseCode,
                null,
                Cause.ILLNESS,
                Set.of(),
                null);
    }
}
