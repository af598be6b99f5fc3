package cn.huzhu.payout.command;

import cn.huzhu.vocabulary.TypedId;
import java.util.UUID;

/** One payout: a benefit paid to a member's card, derived from its claim and enrolment ({@link PayoutIds#payout}). */
public record PayoutId(String value) implements TypedId {

    public PayoutId {
        TypedId.require(value, "payoutId");
    }

    public static PayoutId of(UUID id) {
        return new PayoutId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
