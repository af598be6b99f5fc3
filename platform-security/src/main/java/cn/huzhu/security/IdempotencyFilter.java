package cn.huzhu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every creating POST of every service, the key the caller's own (kept per token subject,
 * endpoint and key, in schema {@code idempotency} of the service's database with its own migrations): the first request
 * with a key is processed and its answer stored; the same caller with the same key and body gets that answer again
 * (header {@code Idempotent-Replayed}) without a second effect; with another body 422. Another caller's key is not theirs:
 * their request is processed as any other. A key whose first request is still running gets 409, unless that request was
 * abandoned (a crash) longer than {@code abandonedAfter} ago: then this request takes it over. Server errors are not
 * stored, so the client may retry them.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final Duration abandonedAfter;
    private final Clock clock;

    public IdempotencyFilter(DataSource dataSource, Duration abandonedAfter, Clock clock) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("idempotency")
                .createSchemas(true)
                .table("idempotency_schema_history")
                .locations("classpath:db/idempotency")
                .load()
                .migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.abandonedAfter = abandonedAfter;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            Problems.write(
                    response,
                    400,
                    "invalid-request",
                    "Invalid Idempotency-Key",
                    "The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String caller = caller();
        String endpoint = request.getRequestURI();
        String hash = sha256(body);

        if (!claim(caller, endpoint, key, hash)) {
            replay(caller, endpoint, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            if (captured.getStatus() < 500) {
                jdbc.update(
                        "update idempotency.request set status = ?, content_type = ?, body = ? where caller = ? and endpoint = ? and idempotency_key = ?",
                        captured.getStatus(),
                        captured.getContentType(),
                        captured.getContentAsByteArray(),
                        caller,
                        endpoint,
                        key);
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.update(
                        "delete from idempotency.request where caller = ? and endpoint = ? and idempotency_key = ? and status is null",
                        caller,
                        endpoint,
                        key);
            }
            captured.copyBodyToResponse();
        }
    }

    /** Takes the key for this request: new, or left unanswered by a request abandoned long enough ago. */
    private boolean claim(String caller, String endpoint, String key, String hash) {
        if (jdbc.update(
                        "insert into idempotency.request (caller, endpoint, idempotency_key, request_hash) values (?, ?, ?, ?) on conflict do nothing",
                        caller,
                        endpoint,
                        key,
                        hash)
                == 1) {
            return true;
        }
        return jdbc.update(
                        """
                update idempotency.request set request_hash = ?, created_at = now()
                where caller = ? and endpoint = ? and idempotency_key = ? and status is null and created_at < ?""",
                        hash,
                        caller,
                        endpoint,
                        key,
                        Timestamp.from(clock.instant().minus(abandonedAfter)))
                == 1;
    }

    private void replay(String caller, String endpoint, String key, String hash, HttpServletResponse response)
            throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select request_hash, status, content_type, body from idempotency.request where caller = ? and endpoint = ? and idempotency_key = ?",
                caller,
                endpoint,
                key);
        if (rows.isEmpty()) {
            Problems.write(
                    response,
                    409,
                    "idempotency-in-progress",
                    "Request in progress",
                    "A request with this Idempotency-Key was just abandoned; retry");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            Problems.write(
                    response,
                    422,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request body");
            return;
        }
        if (row.get("status") == null) {
            Problems.write(
                    response,
                    409,
                    "idempotency-in-progress",
                    "Request in progress",
                    "The first request with this Idempotency-Key is still being processed; retry later");
            return;
        }
        response.setStatus((Integer) row.get("status"));
        if (row.get("content_type") != null) {
            response.setContentType((String) row.get("content_type"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] stored = (byte[]) row.get("body");
        if (stored != null) {
            response.getOutputStream().write(stored);
        }
    }

    /** The token's subject (a caller without a token, where an endpoint is open, is one caller). */
    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : "anonymous";
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
