package cn.huzhu.enrollment.command;

import cn.huzhu.vocabulary.TypedId;
import java.util.UUID;

/** A unit's roster: one submission of its staff to enrol, and the record the unit and the union refer to. */
public record RosterId(String value) implements TypedId {

    public RosterId {
        TypedId.require(value, "rosterId");
    }

    public static RosterId of(UUID id) {
        return new RosterId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
