package cn.huzhu.enrollment.command;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who gives a command and in which capacities (the roles of their token): the rules that depend on who acts (finance
 * records payments, only the union's officers set funding status, only the member changes their bank account at once)
 * are decided by the model from this, and the events record who did it.
 */
public record Actor(String subject, Set<Capacity> capacities, String memberId) {

    /** The capacities a person or system acts in. */
    public enum Capacity {
        MEMBER,
        UNIT_CLERK,
        DISTRICT_OFFICER,
        FINANCE,
        SCHEME_ADMIN,
        REGIONAL_OFFICE,
        SYSTEM
    }

    /** The platform itself (migrations of stored data, replays): no person. */
    public static final Actor SYSTEM = new Actor("system", Set.of(Capacity.SYSTEM), null);

    public Actor {
        Objects.requireNonNull(subject, "subject");
        capacities = capacities.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(capacities)); // stored in the enum's order
    }

    public static Actor of(String subject, Capacity... capacities) {
        return new Actor(subject, Set.of(capacities), null);
    }

    public boolean actsAs(Capacity capacity) {
        return capacities.contains(capacity);
    }

    /** Whether this actor keeps the union's registers of hardship and model workers (district officers, the scheme administrator). */
    public boolean keepsTheRegisters() {
        return actsAs(Capacity.DISTRICT_OFFICER) || actsAs(Capacity.SCHEME_ADMIN);
    }

    /** Whether this is that member themselves. */
    public boolean is(String member) {
        return actsAs(Capacity.MEMBER) && memberId != null && memberId.equals(member);
    }

    /** Shown in logs: the subject and capacities, never more. */
    @Override
    public String toString() {
        return subject + capacities;
    }
}
