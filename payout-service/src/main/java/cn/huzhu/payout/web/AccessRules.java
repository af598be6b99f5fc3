package cn.huzhu.payout.web;

import static cn.huzhu.security.Role.FINANCE;
import static cn.huzhu.security.Role.MEMBER;
import static cn.huzhu.security.Role.SCHEME_ADMIN;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.huzhu.security.EndpointRules;
import cn.huzhu.security.PlatformSecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Who may call each payout endpoint (anything else is denied). Members see their own payouts and debts only; finance
 * reconciles batches and records repayments. The bank's notifications need no token: each is checked with the bank's
 * status of the reference before anything is recorded.
 */
@Configuration
@Import(PlatformSecurityConfig.class)
public class AccessRules {

    @Bean
    EndpointRules endpointRules() {
        return new EndpointRules()
                .allow(GET, "/api/payouts", MEMBER, FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/payouts/counts", FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/payouts/*", MEMBER, FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/batches", FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/batches/*", FINANCE, SCHEME_ADMIN)
                .allow(POST, "/api/batches/*/reconciliation", FINANCE)
                .allow(GET, "/api/recoveries/*", MEMBER, FINANCE, SCHEME_ADMIN)
                .allow(POST, "/api/recoveries/*/repayments", FINANCE)
                .allow(GET, "/api/notices/*", MEMBER, SCHEME_ADMIN)
                .allow(PUT, "/api/notices/*/preferences", MEMBER, SCHEME_ADMIN)
                .allow(POST, "/api/notices/renewal-reminders", SCHEME_ADMIN)
                .allow(POST, "/api/dead-letters/replay", SCHEME_ADMIN)
                .open(POST, "/api/bank/confirmations");
    }
}
