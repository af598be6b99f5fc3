package cn.huzhu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code huzhu.security.rate-limit-per-minute} API requests per client and minute (the token's subject, or the
 * address for requests without a token); beyond that 429 with {@code Retry-After}. A limit of 0 turns it off. Counts are
 * per service instance and per fixed minute: the map holds the clients of the current minute only.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final int perMinute;
    private final Clock clock;
    private volatile long minute = -1;
    private volatile Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    RateLimitFilter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perMinute <= 0 || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long millis = clock.millis();
        long now = millis / 60_000;
        if (now != minute) {
            synchronized (this) {
                if (now != minute) {
                    counts = new ConcurrentHashMap<>();
                    minute = now;
                }
            }
        }
        int n = counts.computeIfAbsent(client(request), k -> new AtomicInteger())
                .incrementAndGet();
        if (n > perMinute) {
            long retryAfter = Math.max(1, (60_000 - millis % 60_000 + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            Problems.write(
                    response,
                    429,
                    "too-many-requests",
                    "Too many requests",
                    "At most " + perMinute + " requests a minute per client; try again in " + retryAfter + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String client(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName())) {
            return "sub:" + authentication.getName();
        }
        return "addr:" + request.getRemoteAddr();
    }
}
