package cn.huzhu.claims.config;

import cn.huzhu.axon.AxonPostgresConfig;
import cn.huzhu.axon.BoundedAggregateCache;
import cn.huzhu.claims.command.account.BenefitAccountAggregate;
import cn.huzhu.claims.command.claim.ClaimAggregate;
import cn.huzhu.claims.command.claim.ClaimHandler;
import cn.huzhu.claims.command.claim.CoverageDirectory;
import cn.huzhu.claims.command.claim.MemberDirectory;
import cn.huzhu.claims.command.claim.PlanDirectory;
import cn.huzhu.claims.command.ledger.LifetimeLedgerAggregate;
import cn.huzhu.claims.command.stay.StayRegisterAggregate;
import cn.huzhu.identity.MemberIds;
import cn.huzhu.vocabulary.BusinessZone;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The event store and token store are those of every event-sourced service ({@link AxonPostgresConfig}). */
@Configuration(proxyBeanMethods = false)
@Import(AxonPostgresConfig.class)
public class ClaimsConfig {

    @Bean
    Clock clock() {
        return Clock.system(BusinessZone.ZONE);
    }

    /** Benefit accounts are loaded for every claim; the recently used ones stay in memory (a stale copy's append is refused). */
    @Bean
    Cache accountCache(@Value("${huzhu.claims.account-cache-size}") int size) {
        return new BoundedAggregateCache(size);
    }

    /** Members' registers of claimed stays, read for every claim; the recently used ones stay in memory. */
    @Bean
    Cache stayRegisterCache(@Value("${huzhu.claims.stay-register-cache-size}") int size) {
        return new BoundedAggregateCache(size);
    }

    /**
     * Hospitals name the patient by the ID number; the member id is derived from it with the key enrollment-service
     * uses (the same {@code MEMBER_ID_KEY}), so no ID number is kept here.
     */
    @Bean
    MemberIds memberIds(@Value("${huzhu.claims.member-id-key}") String key) {
        return new MemberIds(key.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    ClaimHandler claimHandler(
            Repository<ClaimAggregate> claims,
            Repository<BenefitAccountAggregate> accounts,
            Repository<LifetimeLedgerAggregate> ledgers,
            Repository<StayRegisterAggregate> registers,
            CoverageDirectory coverages,
            MemberDirectory members,
            PlanDirectory plans,
            EventStorageEngine storage,
            @Value("${huzhu.claims.review-threshold}") BigDecimal reviewThreshold,
            @Value("${huzhu.claims.coverage-wait}") java.time.Duration coverageWait,
            Clock clock) {
        return new ClaimHandler(
                claims,
                accounts,
                ledgers,
                registers,
                coverages,
                members,
                plans,
                storage,
                reviewThreshold,
                coverageWait,
                clock);
    }
}
