package cn.huzhu.payout.config;

import cn.huzhu.axon.AxonPostgresConfig;
import cn.huzhu.axon.BoundedAggregateCache;
import cn.huzhu.axon.BusinessClock;
import cn.huzhu.payout.bank.BankGateway;
import cn.huzhu.payout.bank.HttpBankGateway;
import cn.huzhu.payout.dispatch.BatchReconciler;
import cn.huzhu.payout.dispatch.PayoutDispatcher;
import cn.huzhu.payout.dispatch.PayoutSettings;
import cn.huzhu.payout.notify.LoggingSmsNotifier;
import cn.huzhu.payout.notify.Notifier;
import cn.huzhu.payout.notify.RenewalSettings;
import cn.huzhu.payout.query.PayoutQueries;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The event store and token store are those of every event-sourced service ({@link AxonPostgresConfig}). */
@Configuration(proxyBeanMethods = false)
@Import(AxonPostgresConfig.class)
@EnableConfigurationProperties(RenewalSettings.class)
public class PayoutConfig {

    /** The day the service decides by ({@link BusinessClock}: the real day, or {@code huzhu.business-date}). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${huzhu.business-date:}") String businessDate) {
        return BusinessClock.of(businessDate);
    }

    /** Payouts are loaded three times in a few milliseconds (request, outcome, maybe a confirmation): keep the recent ones. */
    @Bean
    Cache payoutCache(@Value("${huzhu.payout.payout-cache-size}") int size) {
        return new BoundedAggregateCache(size);
    }

    @Bean
    @ConditionalOnMissingBean
    BankGateway bankGateway(
            @Value("${huzhu.payout.bank-url}") String bankUrl,
            @Value("${huzhu.payout.bank-notify-url:}") String notifyUrl,
            @Value("${huzhu.payout.bank-timeout}") Duration timeout) {
        return new HttpBankGateway(bankUrl, notifyUrl.isBlank() ? null : notifyUrl, timeout);
    }

    /** The SMS gateway; locally, and until one is configured, messages are written to the log. */
    @Bean
    @ConditionalOnMissingBean
    Notifier notifier() {
        return new LoggingSmsNotifier();
    }

    @Bean
    PayoutSettings payoutSettings(
            @Value("${huzhu.payout.senders}") int senders,
            @Value("${huzhu.payout.group-size}") int groupSize,
            @Value("${huzhu.payout.status-check-after}") Duration statusCheckAfter,
            @Value("${huzhu.payout.max-attempts}") int maxAttempts,
            @Value("${huzhu.payout.first-retry}") Duration firstRetry,
            @Value("${huzhu.payout.poll-interval}") Duration pollInterval) {
        return new PayoutSettings(senders, groupSize, statusCheckAfter, maxAttempts, firstRetry, pollInterval);
    }

    @Bean
    PayoutDispatcher payoutDispatcher(
            CommandGateway commands,
            TransactionManager transactions,
            PayoutQueries queries,
            BankGateway bank,
            Clock clock,
            PayoutSettings settings) {
        return new PayoutDispatcher(commands, transactions, queries, bank, clock, settings);
    }

    @Bean
    BatchReconciler batchReconciler(CommandGateway commands, PayoutQueries queries, BankGateway bank, Clock clock) {
        return new BatchReconciler(commands, queries, bank, clock);
    }
}
