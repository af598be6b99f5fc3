package cn.huzhu.enrollment.config;

import cn.huzhu.axon.AxonPostgresConfig;
import cn.huzhu.axon.BoundedAggregateCache;
import cn.huzhu.axon.BusinessClock;
import cn.huzhu.enrollment.command.batch.BatchHandler;
import cn.huzhu.enrollment.command.member.MemberAggregate;
import cn.huzhu.enrollment.command.member.MemberRegistrationHandler;
import cn.huzhu.enrollment.command.plan.RegisterPlanVersionCommand;
import cn.huzhu.enrollment.command.province.ProvinceBudgetAggregate;
import cn.huzhu.enrollment.command.province.ProvinceFunds;
import cn.huzhu.enrollment.command.province.ProvinceQuotaAggregate;
import cn.huzhu.enrollment.command.province.ProvinceQuotaHandler;
import cn.huzhu.enrollment.command.roster.RosterAggregate;
import cn.huzhu.enrollment.command.roster.RosterHandler;
import cn.huzhu.enrollment.command.unit.UnitDirectory;
import cn.huzhu.identity.MemberIds;
import cn.huzhu.vocabulary.PlanId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/** The event store and token store are those of every event-sourced service ({@link AxonPostgresConfig}). */
@Configuration(proxyBeanMethods = false)
@Import(AxonPostgresConfig.class)
public class EnrollmentConfig {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentConfig.class);

    /** The day the service decides by ({@link BusinessClock}: the real day, or {@code huzhu.business-date}). */
    @Bean
    Clock clock(@Value("${huzhu.business-date:}") String businessDate) {
        if (!businessDate.isBlank()) {
            log.warn("The business date is set: the service takes {} as today", businessDate);
        }
        return BusinessClock.of(businessDate);
    }

    /** The districts units may belong to, per region ({@code districts/districts.json}). */
    @Bean
    DistrictRegistry districts() {
        return DistrictRegistry.load();
    }

    @Bean
    PlanCatalogueLoader planCatalog() {
        return PlanCatalogueLoader.load();
    }

    /**
     * Members are loaded for every enrolment; keeping the recently used ones in memory saves reading and
     * deserialising their events each time (the largest cost of a bulk enrolment). A stale copy (another
     * instance changed the member) cannot do harm: its append clashes with the stored sequence number and
     * the command is refused as a concurrent change.
     */
    @Bean
    Cache memberCache(@Value("${huzhu.enrollment.member-cache-size}") int size) {
        return new BoundedAggregateCache(size);
    }

    @Bean
    MemberIds memberIds(@Value("${huzhu.enrollment.member-id-key}") String key) {
        return new MemberIds(key.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    MemberRegistrationHandler memberRegistrationHandler(
            Repository<MemberAggregate> members, UnitDirectory units, MemberIds ids, EventStorageEngine storage) {
        return new MemberRegistrationHandler(members, units, ids, storage);
    }

    @Bean
    BatchHandler batchHandler(
            MemberRegistrationHandler registration,
            Repository<MemberAggregate> members,
            PlanCatalogueLoader catalog,
            UnitDirectory units,
            ProvinceFunds funds) {
        return new BatchHandler(registration, members, catalog, units, funds);
    }

    @Bean
    RosterHandler rosterHandler(
            MemberRegistrationHandler registration,
            Repository<MemberAggregate> members,
            Repository<RosterAggregate> rosters,
            PlanCatalogueLoader catalog,
            UnitDirectory units,
            ProvinceFunds funds) {
        return new RosterHandler(registration, members, rosters, catalog, units, funds);
    }

    /** The province's budget and the cities' quotas, and the province's money taken from them by enrolments (Guangdong). */
    @Bean
    ProvinceQuotaHandler provinceFunds(
            Repository<ProvinceBudgetAggregate> budgets,
            Repository<ProvinceQuotaAggregate> quotas,
            PlanCatalogueLoader catalog,
            DistrictRegistry districts,
            UnitDirectory units) {
        return new ProvinceQuotaHandler(budgets, quotas, catalog, districts, units);
    }

    /** Publishes every catalogue version as an event; versions already registered with the same content are skipped. */
    @EventListener(ApplicationReadyEvent.class)
    public void registerPlanVersions(ApplicationReadyEvent ready) {
        PlanCatalogueLoader catalog = ready.getApplicationContext().getBean(PlanCatalogueLoader.class);
        CommandGateway commands = ready.getApplicationContext().getBean(CommandGateway.class);
        catalog.allVersions()
                .forEach(v -> commands.sendAndWait(new RegisterPlanVersionCommand(
                        new PlanId(v.planId()),
                        v.version(),
                        v.name(),
                        v.region(),
                        v.validFrom(),
                        v.definitionJson(),
                        catalog.contentHash(v))));
        log.info("Plan catalogue registered: {} versions", catalog.allVersions().size());
    }
}
