package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Written before the transfer leaves for the bank: after a crash the reference is known, its status is asked for
 * before anything is sent again, and a transfer the bank never received is sent again exactly as it was (hence the
 * full account, which stays in this service's database and is never published or logged).
 */
public record TransferRequestedEvent(
        PayoutId payoutId,
        ClaimId claimId,
        MemberId memberId,
        String reference,
        int attempt,
        BatchId batchId,
        String district,
        LocalDate day,
        BigDecimal amount,
        BigDecimal offset,
        String accountNumber,
        String accountMasked,
        String accountHash,
        String holderName,
        String bankName,
        Instant requestedAt) {
    @Override
    public String toString() {
        return "TransferRequestedEvent[" + reference + ", payout " + payoutId + ", " + amount + " to " + accountMasked
                + "]";
    }
}
