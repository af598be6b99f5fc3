package cn.huzhu.payout.command.batch;

import cn.huzhu.payout.command.BatchId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Our control totals of confirmed transfers against the bank's; {@code differences} names each reference that disagrees. */
public record ReconcileBatchCommand(
        BatchId batchId,
        String district,
        LocalDate day,
        int count,
        BigDecimal amount,
        int bankCount,
        BigDecimal bankAmount,
        List<String> differences,
        Instant at) {
    /** The batch's reconciliation record: one per batch. */
    @TargetAggregateIdentifier
    public String reconciliationId() {
        return BatchAggregate.idOf(batchId);
    }

    public boolean matched() {
        return differences.isEmpty() && count == bankCount && amount.compareTo(bankAmount) == 0;
    }
}
