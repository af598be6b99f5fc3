package cn.huzhu.payout.command;

import cn.huzhu.vocabulary.TypedId;
import java.util.UUID;

/** A district's disbursement batch of one day ({@link PayoutIds#batch}). */
public record BatchId(String value) implements TypedId {

    public BatchId {
        TypedId.require(value, "batchId");
    }

    public static BatchId of(UUID id) {
        return new BatchId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
