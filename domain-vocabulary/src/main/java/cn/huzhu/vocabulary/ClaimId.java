package cn.huzhu.vocabulary;

import java.util.UUID;

/** A claim, as claims-service names it. */
public record ClaimId(String value) implements TypedId {

    public ClaimId {
        TypedId.require(value, "claimId");
    }

    public static ClaimId of(UUID id) {
        return new ClaimId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
