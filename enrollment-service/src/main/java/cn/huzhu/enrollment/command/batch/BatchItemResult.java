package cn.huzhu.enrollment.command.batch;

import java.util.List;

/** The outcome of one item of a batch: done (with the ids it produced) or refused (with the reason). */
public record BatchItemResult(
        int index, boolean done, String id, List<String> giftIds, String code, String field, String message) {

    static BatchItemResult done(int index, String id, List<String> giftIds) {
        return new BatchItemResult(index, true, id, giftIds, null, null, null);
    }

    public static BatchItemResult refused(int index, String id, String code, String field, String message) {
        return new BatchItemResult(index, false, id, List.of(), code, field, message);
    }
}
