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

/** Writes every state-changing request that passed the access rules to the audit log, with the status it was answered. */
final class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final AuditLog log;

    AuditFilter(AuditLog log) {
        this.log = log;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            Caller caller = authentication != null && authentication.getPrincipal() instanceof Jwt jwt ? Caller.of(jwt) : null;
            log.record(new AuditLog.Entry(null, null, caller == null ? "anonymous" : caller.subject(),
                    caller == null ? "" : String.join(",", caller.roles().stream().map(Role::name).sorted().toList()),
                    request.getMethod(), request.getRequestURI(), request.getQueryString(), status, request.getRemoteAddr(),
                    request.getHeader("X-Forwarded-For"), request.getHeader("Idempotency-Key")));
        }
    }
}
