package cn.huzhu.vocabulary;

import java.util.UUID;

/** A unit (工作单位): the employer whose staff enrol, pay for rosters and are counted by district. */
public record UnitId(String value) implements TypedId {

    public UnitId {
        TypedId.require(value, "unitId");
    }

    public static UnitId of(UUID id) {
        return new UnitId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
