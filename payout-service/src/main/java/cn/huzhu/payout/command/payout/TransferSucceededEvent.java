package cn.huzhu.payout.command.payout;

import java.math.BigDecimal;
import java.time.LocalDate;

public record TransferSucceededEvent(
        String payoutId,
        String claimId,
        String memberId,
        String reference,
        String batchId,
        String district,
        BigDecimal amount,
        BigDecimal benefit,
        String bankTransactionId,
        String accountMasked,
        LocalDate confirmedOn) {}
