package cn.huzhu.payout.command.recovery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.payout.command.RecoveryId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * What one member owes back for claims revoked after they were paid: opened once per revoked payout, reduced by amounts
 * kept back from the member's later payouts and by repayments, each recorded once (per payout, per reference).
 */
@Aggregate
public class RecoveryAggregate {

    @AggregateIdentifier
    private RecoveryId recoveryId;

    private BigDecimal outstanding = BigDecimal.ZERO;
    private final Set<PayoutId> opened = new HashSet<>();
    private final Map<PayoutId, BigDecimal> offsets = new HashMap<>();
    private final Set<PayoutId> returned = new HashSet<>();
    private final Map<String, BigDecimal> repayments = new HashMap<>();

    protected RecoveryAggregate() {}

    public static RecoveryId idOf(MemberId memberId) {
        return new RecoveryId("recovery-" + memberId.value());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenRecoveryCommand c) {
        recoveryId = c.recoveryId();
        if (!opened.contains(c.payoutId())) {
            apply(new RecoveryOpenedEvent(
                    c.memberId(), c.payoutId(), c.claimId(), c.amount(), outstanding.add(c.amount()), c.on()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public BigDecimal handle(OffsetRecoveryCommand c) {
        recoveryId = c.recoveryId();
        BigDecimal earlier = offsets.get(c.payoutId());
        if (earlier != null) {
            return returned.contains(c.payoutId()) ? BigDecimal.ZERO : earlier;
        }
        BigDecimal kept = outstanding.min(c.available());
        if (kept.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        apply(new RecoveryOffsetEvent(c.memberId(), c.payoutId(), kept, outstanding.subtract(kept), c.on()));
        return kept;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReturnOffsetCommand c) {
        recoveryId = c.recoveryId();
        BigDecimal kept = offsets.get(c.payoutId());
        if (kept != null && !returned.contains(c.payoutId())) {
            apply(new RecoveryOffsetReturnedEvent(c.memberId(), c.payoutId(), kept, outstanding.add(kept), c.on()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public BigDecimal handle(RecordRepaymentCommand c) {
        recoveryId = c.recoveryId();
        BigDecimal earlier = repayments.get(c.reference());
        if (earlier != null) {
            if (earlier.compareTo(c.amount()) != 0) {
                throw new RepaymentRefusedException(
                        "REFERENCE_REUSED", "Repayment " + c.reference() + " was recorded with another amount");
            }
            return outstanding;
        }
        if (c.amount().signum() <= 0 || c.amount().scale() > 2) {
            throw new IllegalArgumentException("A repayment is a positive amount in fen");
        }
        if (c.amount().compareTo(outstanding) > 0) {
            throw new RepaymentRefusedException(
                    "REPAYMENT_EXCEEDS_DEBT",
                    "The member owes " + outstanding.toPlainString() + ", less than "
                            + c.amount().toPlainString());
        }
        apply(new RepaymentRecordedEvent(
                c.memberId(), c.reference(), c.amount(), outstanding.subtract(c.amount()), c.paidOn()));
        return outstanding;
    }

    @EventSourcingHandler
    void on(RecoveryOpenedEvent e) {
        recoveryId = idOf(e.memberId());
        opened.add(e.payoutId());
        outstanding = e.outstanding();
    }

    @EventSourcingHandler
    void on(RecoveryOffsetEvent e) {
        recoveryId = idOf(e.memberId());
        offsets.put(e.payoutId(), e.amount());
        outstanding = e.outstanding();
    }

    @EventSourcingHandler
    void on(RecoveryOffsetReturnedEvent e) {
        returned.add(e.payoutId());
        outstanding = e.outstanding();
    }

    @EventSourcingHandler
    void on(RepaymentRecordedEvent e) {
        recoveryId = idOf(e.memberId());
        repayments.put(e.reference(), e.amount());
        outstanding = e.outstanding();
    }
}
