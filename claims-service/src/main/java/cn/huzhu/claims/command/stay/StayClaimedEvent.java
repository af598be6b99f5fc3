package cn.huzhu.claims.command.stay;

import cn.huzhu.claims.engine.ClaimType;
import cn.huzhu.vocabulary.ClaimId;
import java.time.LocalDate;
import java.util.Objects;

/** A claimed stay: of this type, from its first to its last day (the event's day for claims that are not stays). */
public record StayClaimedEvent(
        RegisterId registerId,
        ClaimId claimId,
        String type,
        LocalDate firstDay,
        LocalDate lastDay,
        String diseaseCode) {

    boolean sameEvent(StayClaimedEvent other) {
        return type.equals(other.type)
                && !firstDay.isAfter(other.lastDay)
                && !other.firstDay.isAfter(lastDay)
                && (ClaimType.HOSPITALIZATION.name().equals(type) || Objects.equals(diseaseCode, other.diseaseCode));
    }
}
