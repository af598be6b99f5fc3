package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.BatchId;
import cn.huzhu.payout.command.PayoutId;
import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record TransferSucceededEvent(
        PayoutId payoutId,
        ClaimId claimId,
        MemberId memberId,
        String reference,
        BatchId batchId,
        String district,
        BigDecimal amount,
        BigDecimal benefit,
        String bankTransactionId,
        String accountMasked,
        LocalDate confirmedOn) {}
