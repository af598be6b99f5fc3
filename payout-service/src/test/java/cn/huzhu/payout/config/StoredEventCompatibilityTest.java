package cn.huzhu.payout.config;

import cn.huzhu.axon.StoredEventCompatibilityCheck;
import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.payout.command.batch.BatchAggregate;
import cn.huzhu.payout.command.payout.PayoutAggregate;
import cn.huzhu.payout.command.recovery.RecoveryAggregate;
import java.util.List;

/**
 * Events stored by earlier releases of payout-service stay readable, with no value lost: a payout's transfer record is
 * what keeps it from being paid twice after a crash, so an event that no longer reads whole is money at risk.
 * {@code stored-events/<commit>.tsv} holds events as that release stored them, taken from its integration tests' event store.
 */
class StoredEventCompatibilityTest extends StoredEventCompatibilityCheck {

    @Override
    protected List<String> releases() {
        return List.of("9be303f");
    }

    @Override
    protected StoredEventNames names() {
        return new StoredEventNamesConfig().storedEventNames();
    }

    @Override
    protected List<Class<?>> aggregates() {
        return List.of(PayoutAggregate.class, RecoveryAggregate.class, BatchAggregate.class);
    }
}
