package cn.huzhu.claims.command;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who gives a command and in which capacities (the roles of their token, or a district's hospital desk): whether a claim's
 * bill needs an adjudicator's confirmation, and who may review it (never who filed it), are decided from this.
 */
public record Actor(String subject, Set<Capacity> capacities) {

    /** The capacities claims are filed and decided in. */
    public enum Capacity {
        MEMBER,
        UNIT_CLERK,
        ADJUDICATOR,
        HOSPITAL_DESK
    }

    public Actor {
        Objects.requireNonNull(subject, "subject");
        capacities = capacities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capacities));
    }

    public static Actor of(String subject, Capacity... capacities) {
        return new Actor(subject, Set.of(capacities));
    }

    /** A district's hospital desk, settling a stay together with basic insurance. */
    public static Actor hospitalDesk(String district) {
        return of("hospital-desk:" + district, Capacity.HOSPITAL_DESK);
    }

    public boolean actsAs(Capacity capacity) {
        return capacities.contains(capacity);
    }

    @Override
    public String toString() {
        return subject + capacities;
    }
}
