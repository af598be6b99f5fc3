package cn.huzhu.payout.command.batch;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.payout.command.BatchId;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The reconciliations of one disbursement batch (a district's transfers of one day) against the bank's statement. */
@Aggregate
public class BatchAggregate {

    @AggregateIdentifier
    private String reconciliationId;

    private BatchReconciledEvent last;

    protected BatchAggregate() {}

    public static String idOf(BatchId batchId) {
        return "batch-" + batchId.value();
    }

    /** Records the reconciliation unless it found exactly what the last one did. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(ReconcileBatchCommand c) {
        reconciliationId = idOf(c.batchId());
        String status = c.matched() ? "MATCHED" : "MISMATCH";
        if (last != null
                && last.status().equals(status)
                && last.count() == c.count()
                && last.amount().compareTo(c.amount()) == 0
                && last.bankCount() == c.bankCount()
                && last.bankAmount().compareTo(c.bankAmount()) == 0
                && last.differences().equals(c.differences())) {
            return status;
        }
        apply(new BatchReconciledEvent(
                c.batchId(),
                c.district(),
                c.day(),
                status,
                c.count(),
                c.amount(),
                c.bankCount(),
                c.bankAmount(),
                List.copyOf(c.differences()),
                c.at()));
        return status;
    }

    @EventSourcingHandler
    void on(BatchReconciledEvent e) {
        reconciliationId = idOf(e.batchId());
        last = e;
    }
}
