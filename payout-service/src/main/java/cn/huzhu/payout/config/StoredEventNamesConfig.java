package cn.huzhu.payout.config;

import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.payout.command.batch.BatchReconciledEvent;
import cn.huzhu.payout.command.payout.PayoutCancelledEvent;
import cn.huzhu.payout.command.payout.PayoutParkedEvent;
import cn.huzhu.payout.command.payout.PayoutRevocationHeldEvent;
import cn.huzhu.payout.command.payout.PayoutRevocationPendingEvent;
import cn.huzhu.payout.command.payout.PayoutRevokedEvent;
import cn.huzhu.payout.command.payout.PayoutScheduledEvent;
import cn.huzhu.payout.command.payout.PayoutSettledByOffsetEvent;
import cn.huzhu.payout.command.payout.TransferFailedEvent;
import cn.huzhu.payout.command.payout.TransferRequestedEvent;
import cn.huzhu.payout.command.payout.TransferSucceededEvent;
import cn.huzhu.payout.command.recovery.RecoveryOffsetEvent;
import cn.huzhu.payout.command.recovery.RecoveryOffsetReturnedEvent;
import cn.huzhu.payout.command.recovery.RecoveryOpenedEvent;
import cn.huzhu.payout.command.recovery.RepaymentRecordedEvent;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names payout's events were stored under while they were records nested in holder classes ({@code PayoutEvents},
 * {@code RecoveryEvents}) and in {@code BatchAggregate}, in one flat {@code cn.huzhu.payout.command} package. Each is
 * now a record of its own, named as every service names events ({@code …Event}), in its aggregate's room. The event
 * store keeps the old names for ever; they are renamed as they are read (ADR 0031).
 */
@Configuration
public class StoredEventNamesConfig {

    static final String FLAT = "cn.huzhu.payout.command.";

    /** By the name an event was stored under, the class that reads it now. */
    static final Map<String, Class<?>> MOVED = Map.ofEntries(
            Map.entry(FLAT + "PayoutEvents$PayoutScheduled", PayoutScheduledEvent.class),
            Map.entry(FLAT + "PayoutEvents$TransferRequested", TransferRequestedEvent.class),
            Map.entry(FLAT + "PayoutEvents$TransferSucceeded", TransferSucceededEvent.class),
            Map.entry(FLAT + "PayoutEvents$TransferFailed", TransferFailedEvent.class),
            Map.entry(FLAT + "PayoutEvents$PayoutParked", PayoutParkedEvent.class),
            Map.entry(FLAT + "PayoutEvents$PayoutSettledByOffset", PayoutSettledByOffsetEvent.class),
            Map.entry(FLAT + "PayoutEvents$PayoutRevocationHeld", PayoutRevocationHeldEvent.class),
            Map.entry(FLAT + "PayoutEvents$PayoutRevocationPending", PayoutRevocationPendingEvent.class),
            Map.entry(FLAT + "PayoutEvents$PayoutCancelled", PayoutCancelledEvent.class),
            Map.entry(FLAT + "PayoutEvents$PayoutRevoked", PayoutRevokedEvent.class),
            Map.entry(FLAT + "RecoveryEvents$RecoveryOpened", RecoveryOpenedEvent.class),
            Map.entry(FLAT + "RecoveryEvents$RecoveryOffset", RecoveryOffsetEvent.class),
            Map.entry(FLAT + "RecoveryEvents$RecoveryOffsetReturned", RecoveryOffsetReturnedEvent.class),
            Map.entry(FLAT + "RecoveryEvents$RepaymentRecorded", RepaymentRecordedEvent.class),
            Map.entry(FLAT + "BatchAggregate$BatchReconciled", BatchReconciledEvent.class));

    @Bean
    public StoredEventNames storedEventNames() {
        return StoredEventNames.of(MOVED);
    }
}
