package cn.huzhu.payout.web;

import cn.huzhu.payout.command.payout.PayoutStatus;
import cn.huzhu.payout.dispatch.BatchReconciler;
import cn.huzhu.payout.query.PayoutQueries;
import cn.huzhu.payout.query.PayoutQueries.BatchTotals;
import cn.huzhu.security.Caller;
import cn.huzhu.security.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payouts and disbursement batches, for the union portal. */
@RestController
@RequestMapping("/api")
public class PayoutController {

    private static final int MAX_LIMIT = 1000;

    private final PayoutQueries queries;
    private final BatchReconciler reconciler;
    private final Clock clock;

    public PayoutController(PayoutQueries queries, BatchReconciler reconciler, Clock clock) {
        this.queries = queries;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /** Payouts by claim, member and status (AWAITING_ACCOUNT, or a {@link PayoutStatus}), newest first. */
    @GetMapping("/payouts")
    List<PayoutResponses.Payout> payouts(
            @RequestParam(required = false) UUID claimId,
            @RequestParam(required = false) UUID memberId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        if (status != null
                && !status.equals("AWAITING_ACCOUNT")
                && Arrays.stream(PayoutStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new IllegalArgumentException(
                    "status is AWAITING_ACCOUNT or one of " + Arrays.toString(PayoutStatus.values()));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is between 1 and " + MAX_LIMIT);
        }
        Caller caller = Caller.current();
        if (!caller.platformWide()) {
            // a member: their own payouts, whatever memberId asks for
            if (caller.memberId() == null
                    || memberId != null && !memberId.toString().equals(caller.memberId())) {
                return List.of();
            }
            memberId = UUID.fromString(caller.memberId());
        }
        return queries.payouts(claimId, memberId, status, limit).stream()
                .map(p -> PayoutResponses.payout(p, null))
                .toList();
    }

    /** How many payouts stand in each status, for operators and dashboards. */
    @GetMapping("/payouts/counts")
    Map<String, Long> counts() {
        return queries.countsByStatus();
    }

    /** One payout with every transfer made for it. */
    @GetMapping("/payouts/{payoutId}")
    PayoutResponses.Payout payout(@PathVariable UUID payoutId) {
        return queries.payout(payoutId)
                .filter(p -> Caller.current().reaches(p.memberId().toString(), null, null))
                .map(p -> PayoutResponses.payout(p, queries.transfersOf(payoutId)))
                .orElseThrow(() -> new NotFoundException("payout", payoutId));
    }

    /** The batches of a day (today when not given), one per district. */
    @GetMapping("/batches")
    List<PayoutResponses.Batch> batches(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        return queries.batches(day == null ? today : day).stream()
                .map(b -> PayoutResponses.batch(
                        b, queries.reconciliation(b.batchId()).orElse(null), today))
                .toList();
    }

    @GetMapping("/batches/{batchId}")
    PayoutResponses.Batch batch(@PathVariable UUID batchId) {
        BatchTotals totals = queries.batch(batchId).orElseThrow(() -> new NotFoundException("batch", batchId));
        return PayoutResponses.batch(totals, queries.reconciliation(batchId).orElse(null), LocalDate.now(clock));
    }

    /** Reconciles the batch against the bank's statement now (past days' batches are reconciled on their own). */
    @PostMapping("/batches/{batchId}/reconciliation")
    PayoutResponses.Batch reconcile(@PathVariable UUID batchId) {
        reconciler.reconcile(batchId).orElseThrow(() -> new NotFoundException("batch", batchId));
        return batch(batchId);
    }
}
