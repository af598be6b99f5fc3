package cn.huzhu.claims.command.ledger;

import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;
import cn.huzhu.vocabulary.TypedId;

/** A member's lifetime ledger of one plan: the payments made once in the member's life under it. */
public record LedgerId(String value) implements TypedId {

    public LedgerId {
        TypedId.require(value, "ledgerId");
    }

    public static LedgerId of(MemberId memberId, PlanId planId) {
        return new LedgerId("lifetime-ledger-" + memberId.value() + "-" + planId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
