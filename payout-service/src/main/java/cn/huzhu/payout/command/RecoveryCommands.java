package cn.huzhu.payout.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a member's recovery account (id {@link RecoveryAggregate#idOf}). */
public final class RecoveryCommands {

    private RecoveryCommands() {
    }

    /** Opens the recovery of a revoked payout, once per payout. */
    public record OpenRecovery(@TargetAggregateIdentifier String recoveryId, String memberId, String payoutId, String claimId,
                               BigDecimal amount, LocalDate on) {
    }

    /** Keeps back what the member owes from a payout of {@code available}; answers the amount kept (the same when asked again). */
    public record OffsetRecovery(@TargetAggregateIdentifier String recoveryId, String memberId, String payoutId, BigDecimal available,
                                 LocalDate on) {
    }

    /** Gives back what was kept from a payout that was then cancelled. */
    public record ReturnOffset(@TargetAggregateIdentifier String recoveryId, String memberId, String payoutId, LocalDate on) {
    }

    /** A repayment by the member, once per reference; answers the debt left. */
    public record RecordRepayment(@TargetAggregateIdentifier String recoveryId, String memberId, String reference, BigDecimal amount,
                                  LocalDate paidOn) {
    }
}
