package cn.huzhu.enrollment.web;

import static cn.huzhu.security.Role.ADJUDICATOR;
import static cn.huzhu.security.Role.DASHBOARD_VIEWER;
import static cn.huzhu.security.Role.DISTRICT_OFFICER;
import static cn.huzhu.security.Role.FINANCE;
import static cn.huzhu.security.Role.MEMBER;
import static cn.huzhu.security.Role.SCHEME_ADMIN;
import static cn.huzhu.security.Role.UNIT_CLERK;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.huzhu.security.EndpointRules;
import cn.huzhu.security.PlatformSecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Who may call each enrolment endpoint (anything else is denied). The endpoints check object scope themselves: a member
 * reaches their own records, a unit clerk their unit's, a district officer their district's; anything else is not found.
 */
@Configuration
@Import(PlatformSecurityConfig.class)
public class AccessRules {

    @Bean
    EndpointRules endpointRules() {
        return new EndpointRules()
                .allow(
                        GET,
                        "/api/plans",
                        MEMBER,
                        UNIT_CLERK,
                        DISTRICT_OFFICER,
                        ADJUDICATOR,
                        FINANCE,
                        SCHEME_ADMIN,
                        DASHBOARD_VIEWER)
                .allow(
                        GET,
                        "/api/plans/*",
                        MEMBER,
                        UNIT_CLERK,
                        DISTRICT_OFFICER,
                        ADJUDICATOR,
                        FINANCE,
                        SCHEME_ADMIN,
                        DASHBOARD_VIEWER)
                .allow(GET, "/api/plans/*/quotas/*", DISTRICT_OFFICER, FINANCE, SCHEME_ADMIN, DASHBOARD_VIEWER)
                .allow(PUT, "/api/plans/*/quotas/*", SCHEME_ADMIN)
                .allow(
                        GET,
                        "/api/districts",
                        MEMBER,
                        UNIT_CLERK,
                        DISTRICT_OFFICER,
                        ADJUDICATOR,
                        FINANCE,
                        SCHEME_ADMIN,
                        DASHBOARD_VIEWER)
                .allow(POST, "/api/units", DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(GET, "/api/units/*", UNIT_CLERK, DISTRICT_OFFICER, FINANCE, SCHEME_ADMIN)
                .allow(POST, "/api/units/*/renewals", UNIT_CLERK, DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(POST, "/api/units/*/gifts", DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(PUT, "/api/units/*/payout-ratios/*", SCHEME_ADMIN)
                .allow(PUT, "/api/units/*/dues-status", DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(POST, "/api/members", UNIT_CLERK, DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(POST, "/api/members/batch", UNIT_CLERK, DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(GET, "/api/members/*", MEMBER, UNIT_CLERK, DISTRICT_OFFICER, ADJUDICATOR, FINANCE, SCHEME_ADMIN)
                .allow(
                        GET,
                        "/api/members/*/enrollments",
                        MEMBER,
                        UNIT_CLERK,
                        DISTRICT_OFFICER,
                        ADJUDICATOR,
                        FINANCE,
                        SCHEME_ADMIN)
                .allow(PUT, "/api/members/*/bank-account", MEMBER, UNIT_CLERK, SCHEME_ADMIN)
                .allow(PUT, "/api/members/*/funding-status", DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(POST, "/api/enrollments", MEMBER, UNIT_CLERK, DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(POST, "/api/enrollments/batch", UNIT_CLERK, DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(POST, "/api/enrollments/migrations", SCHEME_ADMIN)
                .allow(POST, "/api/enrollments/collections", FINANCE)
                .allow(
                        GET,
                        "/api/enrollments/*",
                        MEMBER,
                        UNIT_CLERK,
                        DISTRICT_OFFICER,
                        ADJUDICATOR,
                        FINANCE,
                        SCHEME_ADMIN)
                .allow(POST, "/api/enrollments/*/collections", FINANCE)
                .allow(POST, "/api/rosters", UNIT_CLERK, DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(GET, "/api/rosters/*", UNIT_CLERK, DISTRICT_OFFICER, FINANCE, SCHEME_ADMIN)
                .allow(GET, "/api/rosters/*/rejected-rows.xlsx", UNIT_CLERK, DISTRICT_OFFICER, SCHEME_ADMIN)
                .allow(POST, "/api/rosters/*/payments", FINANCE)
                .allow(POST, "/api/targets", SCHEME_ADMIN);
    }
}
