package cn.huzhu.payout.command.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Our control totals of confirmed transfers against the bank's; {@code differences} names each reference that disagrees. */
public record ReconcileBatchCommand(
        @TargetAggregateIdentifier String batchId,
        String district,
        LocalDate day,
        int count,
        BigDecimal amount,
        int bankCount,
        BigDecimal bankAmount,
        List<String> differences,
        Instant at) {
    public boolean matched() {
        return differences.isEmpty() && count == bankCount && amount.compareTo(bankAmount) == 0;
    }
}
