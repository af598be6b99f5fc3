package cn.huzhu.claims.web;

import static cn.huzhu.security.Role.ADJUDICATOR;
import static cn.huzhu.security.Role.DASHBOARD_VIEWER;
import static cn.huzhu.security.Role.DISTRICT_OFFICER;
import static cn.huzhu.security.Role.FINANCE;
import static cn.huzhu.security.Role.MEMBER;
import static cn.huzhu.security.Role.SCHEME_ADMIN;
import static cn.huzhu.security.Role.UNIT_CLERK;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.huzhu.security.EndpointRules;
import cn.huzhu.security.PlatformSecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Who may call each claims endpoint (anything else is denied). A member claims and reads their own claims, a unit clerk
 * those of the unit's members, a district officer reads the district's; claims out of scope are not found. Diagnoses are
 * shown to adjudicators and the member only.
 */
@Configuration
@Import(PlatformSecurityConfig.class)
public class AccessRules {

    @Bean
    EndpointRules endpointRules() {
        return new EndpointRules()
                .allow(POST, "/api/claims", MEMBER, UNIT_CLERK, ADJUDICATOR)
                .allow(GET, "/api/claims/*", MEMBER, UNIT_CLERK, DISTRICT_OFFICER, ADJUDICATOR, FINANCE, SCHEME_ADMIN)
                .allow(POST, "/api/claims/*/review", ADJUDICATOR)
                .allow(POST, "/api/claims/*/revoke", ADJUDICATOR)
                .allow(
                        GET,
                        "/api/disease-codes",
                        MEMBER,
                        UNIT_CLERK,
                        DISTRICT_OFFICER,
                        ADJUDICATOR,
                        FINANCE,
                        SCHEME_ADMIN,
                        DASHBOARD_VIEWER)
                .allow(POST, "/api/dead-letters/replay", SCHEME_ADMIN);
    }
}
