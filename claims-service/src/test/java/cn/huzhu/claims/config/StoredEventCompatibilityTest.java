package cn.huzhu.claims.config;

import cn.huzhu.axon.StoredEventCompatibilityCheck;
import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.claims.command.account.BenefitAccountAggregate;
import cn.huzhu.claims.command.claim.ClaimAggregate;
import cn.huzhu.claims.command.ledger.LifetimeLedgerAggregate;
import cn.huzhu.claims.command.stay.StayRegisterAggregate;
import java.util.List;

/**
 * Events stored by earlier releases of claims-service stay readable, with no value lost. Claims' stored events carry
 * the engine's types (the claim, its calculation lines, the benefit account): a field of the engine renamed or retyped
 * would silently read old events' values as null, and this test fails on it instead. {@code stored-events/<commit>.tsv}
 * holds events as that release stored them, taken from its integration tests' event store.
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
        return List.of(
                ClaimAggregate.class,
                BenefitAccountAggregate.class,
                LifetimeLedgerAggregate.class,
                StayRegisterAggregate.class);
    }
}
