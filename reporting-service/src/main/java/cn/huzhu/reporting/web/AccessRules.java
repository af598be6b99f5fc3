package cn.huzhu.reporting.web;

import static cn.huzhu.security.Role.DASHBOARD_VIEWER;
import static cn.huzhu.security.Role.DISTRICT_OFFICER;
import static cn.huzhu.security.Role.FINANCE;
import static cn.huzhu.security.Role.SCHEME_ADMIN;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.huzhu.security.EndpointRules;
import cn.huzhu.security.PlatformSecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Who may call each reporting endpoint (anything else is denied). Reports hold figures, no personal data: dashboard
 * viewers, district officers (their own district's unit-level figures, {@link ReportParameters#district}), finance and
 * scheme administrators read them; the lists of units that earn discounts, gifts and subsidies are for finance and
 * administrators; only scheme administrators rebuild projections. The dashboard page itself is static and open; the
 * figures it shows need a token.
 */
@Configuration
@Import(PlatformSecurityConfig.class)
public class AccessRules {

    @Bean
    EndpointRules endpointRules() {
        return new EndpointRules()
                .open(GET, "/")
                .open(GET, "/index.html")
                .open(GET, "/dashboard.js")
                .open(GET, "/dashboard.css")
                .open(GET, "/favicon.ico")
                .open(GET, "/webjars/**")
                .allow(GET, "/api/reports/payout-ratios/discount-units", FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/reports/payout-ratios/gift-units", FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/reports/payout-ratios/subsidy-allocation", FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/reports/**", DASHBOARD_VIEWER, DISTRICT_OFFICER, FINANCE, SCHEME_ADMIN)
                .allow(POST, "/api/admin/projections/*/rebuild", SCHEME_ADMIN)
                .allow(POST, "/api/dead-letters/replay", SCHEME_ADMIN);
    }
}
