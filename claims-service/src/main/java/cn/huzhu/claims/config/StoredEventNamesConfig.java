package cn.huzhu.claims.config;

import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.claims.command.account.BenefitAccountChargedEvent;
import cn.huzhu.claims.command.account.BenefitAccountOpenedEvent;
import cn.huzhu.claims.command.account.BenefitAccountRestoredEvent;
import cn.huzhu.claims.command.claim.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.claim.ClaimRevokedEvent;
import cn.huzhu.claims.command.ledger.LifetimeLedgerOpenedEvent;
import cn.huzhu.claims.command.ledger.LifetimeLedgerPaidEvent;
import cn.huzhu.claims.command.ledger.LifetimeLedgerRestoredEvent;
import cn.huzhu.claims.command.stay.StayClaimedEvent;
import cn.huzhu.claims.command.stay.StayRegisterOpenedEvent;
import cn.huzhu.claims.command.stay.StayReleasedEvent;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names claims' events were stored under while the command model was one flat {@code cn.huzhu.claims.command}
 * package, with the ledger's and the stay register's events nested in their aggregates. Each is now a record of its
 * own in its aggregate's room (claim, account, ledger, stay). The event store keeps the old names for ever; they are
 * renamed as they are read (ADR 0031).
 */
@Configuration
public class StoredEventNamesConfig {

    static final String FLAT = "cn.huzhu.claims.command.";

    /** By the name an event was stored under, the class that reads it now. */
    static final Map<String, Class<?>> MOVED = Map.ofEntries(
            Map.entry(FLAT + "ClaimAdjudicatedEvent", ClaimAdjudicatedEvent.class),
            Map.entry(FLAT + "ClaimRevokedEvent", ClaimRevokedEvent.class),
            Map.entry(FLAT + "BenefitAccountOpenedEvent", BenefitAccountOpenedEvent.class),
            Map.entry(FLAT + "BenefitAccountChargedEvent", BenefitAccountChargedEvent.class),
            Map.entry(FLAT + "BenefitAccountRestoredEvent", BenefitAccountRestoredEvent.class),
            Map.entry(FLAT + "LifetimeLedgerAggregate$OpenedEvent", LifetimeLedgerOpenedEvent.class),
            Map.entry(FLAT + "LifetimeLedgerAggregate$PaidEvent", LifetimeLedgerPaidEvent.class),
            Map.entry(FLAT + "LifetimeLedgerAggregate$RestoredEvent", LifetimeLedgerRestoredEvent.class),
            Map.entry(FLAT + "StayRegisterAggregate$StayRegisterOpenedEvent", StayRegisterOpenedEvent.class),
            Map.entry(FLAT + "StayRegisterAggregate$StayClaimedEvent", StayClaimedEvent.class),
            Map.entry(FLAT + "StayRegisterAggregate$StayReleasedEvent", StayReleasedEvent.class));

    @Bean
    public StoredEventNames storedEventNames() {
        return StoredEventNames.of(MOVED);
    }
}
