package cn.huzhu.vocabulary;

/** A plan of the catalogue ({@code shaoxing-hospital}), whatever its version. */
public record PlanId(String value) implements TypedId {

    public PlanId {
        TypedId.require(value, "planId");
    }

    @Override
    public String toString() {
        return value;
    }
}
