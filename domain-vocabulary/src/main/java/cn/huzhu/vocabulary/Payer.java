package cn.huzhu.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** Who bears a part of an enrolment's premium. Stored and published by name. */
public enum Payer {
    /** The member, by bank deduction or at the counter. */
    MEMBER,
    /** The member's unit, for its roster. */
    UNIT,
    /** The trade union: its subsidy or a gift. */
    UNION,
    /** The provincial federation of trade unions, for the groups its funding rule names. */
    PROVINCE;

    /** Whether this payer buys the cover (the plan's funding rule applies to it), not one who subsidises or gives it. */
    public boolean buysCover() {
        return this == MEMBER || this == UNIT;
    }

    /** The payer of this name; refused with the names allowed when there is none. */
    public static Payer of(String name) {
        return named(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown payer " + name + "; one of " + Arrays.toString(values())));
    }

    /** The payer of this name, if there is one. */
    public static Optional<Payer> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
