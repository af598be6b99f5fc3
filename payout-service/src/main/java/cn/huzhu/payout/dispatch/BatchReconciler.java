package cn.huzhu.payout.dispatch;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.payout.bank.BankGateway;
import cn.huzhu.payout.bank.BankGateway.Statement;
import cn.huzhu.payout.bank.BankGateway.StatementLine;
import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.batch.ReconcileBatchCommand;
import cn.huzhu.payout.query.PayoutQueries;
import cn.huzhu.payout.query.PayoutQueries.BatchTotals;
import cn.huzhu.payout.query.PayoutQueries.TransferRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reconciles disbursement batches against the bank's statement: the count and sum of the transfers we hold confirmed
 * must be those the bank executed, reference by reference. Batches of past days are reconciled on their own once no
 * transfer of theirs is open; any batch may be reconciled on demand. A mismatch is recorded, published and logged as an
 * error, with the references that disagree.
 */
public class BatchReconciler {

    private static final Logger log = LoggerFactory.getLogger(BatchReconciler.class);

    private final CommandGateway commands;
    private final PayoutQueries queries;
    private final BankGateway bank;
    private final Clock clock;

    public BatchReconciler(CommandGateway commands, PayoutQueries queries, BankGateway bank, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.bank = bank;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${huzhu.payout.reconcile-interval}",
            initialDelayString = "${huzhu.payout.reconcile-interval}")
    public void reconcileClosedBatches() {
        for (UUID batchId : queries.batchesToReconcile(LocalDate.now(clock))) {
            try {
                reconcile(batchId);
            } catch (RuntimeException e) {
                log.warn("Batch {} not reconciled this time: {}", batchId, e.toString());
            }
        }
    }

    /** Reconciles one batch now; empty when it has no transfer. */
    public Optional<String> reconcile(UUID batchId) {
        Optional<BatchTotals> found = queries.batch(batchId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BatchTotals batch = found.get();
        Statement statement = bank.statement(batchId.toString());
        Map<String, BigDecimal> ours = new HashMap<>();
        for (TransferRow t : queries.confirmedIn(batchId)) {
            ours.put(t.reference(), t.amount());
        }
        Map<String, BigDecimal> theirs = new HashMap<>();
        for (StatementLine line : statement.lines()) {
            theirs.put(line.reference(), line.amount());
        }
        List<String> differences = new ArrayList<>();
        for (String reference : new TreeSet<>(union(ours, theirs))) {
            BigDecimal our = ours.get(reference);
            BigDecimal bankAmount = theirs.get(reference);
            if (our == null) {
                differences.add(
                        reference + ": executed by the bank (" + bankAmount.toPlainString() + "), not confirmed here");
            } else if (bankAmount == null) {
                differences.add(
                        reference + ": confirmed here (" + our.toPlainString() + "), not in the bank's statement");
            } else if (our.compareTo(bankAmount) != 0) {
                differences.add(reference + ": " + our.toPlainString() + " here, " + bankAmount.toPlainString()
                        + " at the bank");
            }
        }
        BigDecimal ourSum = ours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String status = Conflicts.sendRetrying(
                commands,
                new ReconcileBatchCommand(
                        BatchId.of(batchId),
                        batch.district(),
                        batch.day(),
                        ours.size(),
                        ourSum,
                        statement.count(),
                        statement.amount(),
                        differences,
                        clock.instant()));
        if (!status.equals("MATCHED")) {
            log.error(
                    "Batch {} ({} {}) does not reconcile: {} confirmed for {} here, {} executed for {} at the bank; {} reference(s) differ",
                    batchId,
                    batch.district(),
                    batch.day(),
                    ours.size(),
                    ourSum.toPlainString(),
                    statement.count(),
                    statement.amount().toPlainString(),
                    differences.size());
        }
        return Optional.of(status);
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
