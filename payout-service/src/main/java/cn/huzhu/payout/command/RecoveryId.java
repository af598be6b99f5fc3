package cn.huzhu.payout.command;

import cn.huzhu.vocabulary.TypedId;

/** A member's recovery account: what a revoked payout leaves the member owing. */
public record RecoveryId(String value) implements TypedId {

    public RecoveryId {
        TypedId.require(value, "recoveryId");
    }

    @Override
    public String toString() {
        return value;
    }
}
