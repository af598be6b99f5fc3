package cn.huzhu.payout.command.batch;

import cn.huzhu.payout.command.BatchId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record BatchReconciledEvent(
        BatchId batchId,
        String district,
        LocalDate day,
        String status,
        int count,
        BigDecimal amount,
        int bankCount,
        BigDecimal bankAmount,
        List<String> differences,
        Instant at) {}
