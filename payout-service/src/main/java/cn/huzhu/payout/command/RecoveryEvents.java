package cn.huzhu.payout.command;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Movements of what a member owes after being paid for a claim later revoked; {@code outstanding} is the debt after each. */
public final class RecoveryEvents {

    private RecoveryEvents() {
    }

    public record RecoveryOpened(String memberId, String payoutId, String claimId, BigDecimal amount, BigDecimal outstanding, LocalDate on) {
    }

    public record RecoveryOffset(String memberId, String payoutId, BigDecimal amount, BigDecimal outstanding, LocalDate on) {
    }

    public record RecoveryOffsetReturned(String memberId, String payoutId, BigDecimal amount, BigDecimal outstanding, LocalDate on) {
    }

    public record RepaymentRecorded(String memberId, String reference, BigDecimal amount, BigDecimal outstanding, LocalDate paidOn) {
    }
}
