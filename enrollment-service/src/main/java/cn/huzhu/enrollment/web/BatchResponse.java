package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.batch.BatchItemResult;
import java.util.List;

/** The outcome of every item of a batch, in request order, and the counts. */
public record BatchResponse(int accepted, int refused, List<Item> results) {

    public record Item(
            int index, String status, String id, List<String> giftIds, String code, String field, String message) {}

    static BatchResponse of(List<BatchItemResult> results) {
        List<Item> items = results.stream()
                .map(r -> new Item(
                        r.index(),
                        r.done() ? "ACCEPTED" : "REFUSED",
                        r.id(),
                        r.giftIds(),
                        r.code(),
                        r.field(),
                        r.message()))
                .toList();
        int accepted = (int) results.stream().filter(BatchItemResult::done).count();
        return new BatchResponse(accepted, results.size() - accepted, items);
    }
}
