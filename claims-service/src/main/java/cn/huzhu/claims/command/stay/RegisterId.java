package cn.huzhu.claims.command.stay;

import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.TypedId;

/** A member's register of claimed stays, which refuses a stay claimed twice. */
public record RegisterId(String value) implements TypedId {

    public RegisterId {
        TypedId.require(value, "registerId");
    }

    public static RegisterId of(MemberId memberId) {
        return new RegisterId("stays:" + memberId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
