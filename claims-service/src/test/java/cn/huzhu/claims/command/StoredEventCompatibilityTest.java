package cn.huzhu.claims.command;

import cn.huzhu.axon.StoredEventCompatibilityCheck;
import cn.huzhu.axon.StoredEventNames;

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
        return StoredEventNames.none();
    }

    @Override
    protected List<Class<?>> aggregates() {
        return List.of(ClaimAggregate.class, BenefitAccountAggregate.class, LifetimeLedgerAggregate.class, StayRegisterAggregate.class);
    }
}
