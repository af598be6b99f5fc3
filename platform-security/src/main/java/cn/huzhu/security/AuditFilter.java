package cn.huzhu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes to the audit log, with the status it was answered: every state-changing request, every request refused (401 no
 * valid token, 403 a role the rule does not name, 404 a record out of the caller's scope or not there), and every read
 * that showed personal data unmasked (what it showed). Placed before authentication, so that refusals are seen too; the
 * caller is the one authentication found.
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);
    private final AuditLog log;

    AuditFilter(AuditLog log) {
        this.log = log;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            Object disclosed = request.getAttribute(Caller.DISCLOSED);
            if (CHANGING.contains(request.getMethod()) || REFUSED.contains(status) || disclosed != null) {
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                Caller caller = authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                        ? Caller.of(jwt)
                        : null;
                log.record(new AuditLog.Entry(
                        null,
                        null,
                        caller == null ? "anonymous" : caller.subject(),
                        caller == null
                                ? ""
                                : String.join(
                                        ",",
                                        caller.roles().stream()
                                                .map(Role::name)
                                                .sorted()
                                                .toList()),
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getQueryString(),
                        status,
                        request.getRemoteAddr(),
                        request.getHeader("X-Forwarded-For"),
                        request.getHeader("Idempotency-Key"),
                        disclosed == null ? null : disclosed.toString().replaceAll("[\\[\\] ]", "")));
            }
        }
    }
}
