package cn.huzhu.claims.command.stay;

import cn.huzhu.claims.engine.ClaimType;
import java.time.LocalDate;
import java.util.Objects;

/** A claimed stay: of this type, from its first to its last day (the event's day for claims that are not stays). */
public record StayClaimedEvent(
        String registerId, String claimId, ClaimType type, LocalDate firstDay, LocalDate lastDay, String diseaseCode) {

    boolean sameEvent(StayClaimedEvent other) {
        return type == other.type
                && !firstDay.isAfter(other.lastDay)
                && !other.firstDay.isAfter(lastDay)
                && (type == ClaimType.HOSPITALIZATION || Objects.equals(diseaseCode, other.diseaseCode));
    }
}
