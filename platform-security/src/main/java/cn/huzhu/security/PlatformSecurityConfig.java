package cn.huzhu.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every service is an OAuth2 resource server: a request carries the issuer's signed JWT ({@code Authorization: Bearer}),
 * verified against the issuer's JWK set ({@code JWT_JWK_SET_URI}; the issuer and audience checked when configured). The
 * service's {@link EndpointRules} say which roles may call each endpoint; what no rule names is denied. Health, metrics
 * and the API description are open. Failures are problem details: 401 without a valid token, 403 for a role the rule
 * does not name, 400 for a query parameter with a control character, 413 for an oversized body, 429 over the rate limit. State-changing requests are written to the audit log.
 */
@Configuration
@EnableWebSecurity
@Import({AuditController.class, OpenApiBearer.class, ProblemErrorController.class})
public class PlatformSecurityConfig {

    static final String[] OPEN = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error"
    };

    @Bean
    JwtDecoder jwtDecoder(
            @Value("${huzhu.security.jwk-set-uri}") String jwkSetUri,
            @Value("${huzhu.security.issuer:}") String issuer,
            @Value("${huzhu.security.audience:}") String audience) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        verifier.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.addAll(identityValidators(issuer, audience));
        // signatures verified again after five minutes, the time Nimbus keeps the issuer's key set before fetching it
        // again
        return new VerifiedTokens(
                verifier,
                new DelegatingOAuth2TokenValidator<>(validators),
                2_000,
                java.time.Duration.ofMinutes(5),
                java.time.Clock.systemUTC());
    }

    static List<OAuth2TokenValidator<Jwt>> identityValidators(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (!issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        if (!audience.isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
        }
        return validators;
    }

    @Bean
    OfficeIdentity officeIdentity(
            @Value("${huzhu.security.jwk-set-uri}") String jwkSetUri,
            @Value("${huzhu.security.issuer:}") String issuer,
            @Value("${huzhu.security.audience:}") String audience) {
        return OfficeIdentity.of(
                NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build(), identityValidators(issuer, audience));
    }

    /** What Tomcat answers on its own (before any filter) as problem details: the host's error report valve. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
                    org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** JSON as every service takes it: what was sent, never a guess ({@link StrictJson}). */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer strictJson() {
        return StrictJson.customizer();
    }

    @Bean
    AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(dataSource);
    }

    /** Idempotency-Key on every creating POST (a servlet filter after the security chain: the caller is known). */
    @Bean
    IdempotencyFilter idempotencyFilter(
            DataSource dataSource,
            @Value("${huzhu.security.idempotency-abandoned-after:PT2M}") java.time.Duration abandonedAfter) {
        return new IdempotencyFilter(dataSource, abandonedAfter, java.time.Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain platformSecurity(
            HttpSecurity http,
            EndpointRules rules,
            AuditLog audit,
            @Value("${huzhu.security.max-request-bytes:1048576}") long maxRequestBytes,
            @Value("${huzhu.security.max-upload-bytes:10485760}") long maxUploadBytes,
            @Value("${huzhu.security.upload-paths:}") List<String> uploadPaths,
            @Value("${huzhu.security.rate-limit-per-minute:1200}") int ratePerMinute)
            throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Caller.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            new BearerTokenAuthenticationEntryPoint().commence(request, response, e);
            Problems.write(
                    response,
                    401,
                    "unauthenticated",
                    "Not authenticated",
                    "A valid bearer token from the platform's issuer is required (" + e.getMessage() + ")");
        };
        AccessDeniedHandler denied = (request, response, e) -> Problems.write(
                response,
                403,
                "forbidden",
                "Forbidden",
                "Your role may not " + request.getMethod() + " " + request.getRequestURI());
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                            .permitAll();
                    a.requestMatchers(OPEN).permitAll();
                    a.requestMatchers(HttpMethod.GET, AuditController.PATH).hasRole(Role.SCHEME_ADMIN.name());
                    for (EndpointRules.Rule rule : rules.rules()) {
                        if (rule.open()) {
                            a.requestMatchers(rule.method(), rule.pattern()).permitAll();
                        } else {
                            a.requestMatchers(rule.method(), rule.pattern())
                                    .hasAnyRole(rule.roles().stream()
                                            .map(Role::name)
                                            .toArray(String[]::new));
                        }
                    }
                    a.anyRequest().denyAll();
                })
                .addFilterBefore(new AuditFilter(audit), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(
                        new RequestSizeFilter(maxRequestBytes, maxUploadBytes, uploadPaths),
                        BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new QueryTextFilter(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(
                        new RateLimitFilter(ratePerMinute, java.time.Clock.systemUTC()),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
    }
}
