package cn.huzhu.enrollment.web;

import cn.huzhu.security.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on creating POSTs: the first request with a key is processed and its answer
 * stored; the same key with the same body gets that answer again without a second effect; the same key
 * with another body is refused with 422. A key whose first request is still running gets 409.
 * Server errors are not stored, so the client may retry them.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcTemplate jdbc;

    public IdempotencyFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String endpoint = request.getRequestURI();
        String hash = sha256(body);

        int claimed = jdbc.update("insert into idempotency_record (idempotency_key, endpoint, request_hash) values (?, ?, ?) on conflict do nothing",
                key, endpoint, hash);
        if (claimed == 0) {
            replay(key, endpoint, hash, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            if (captured.getStatus() < 500) {
                jdbc.update("update idempotency_record set status = ?, content_type = ?, body = ? where idempotency_key = ? and endpoint = ?",
                        captured.getStatus(), captured.getContentType(), captured.getContentAsByteArray(), key, endpoint);
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.update("delete from idempotency_record where idempotency_key = ? and endpoint = ? and status is null", key, endpoint);
            }
            captured.copyBodyToResponse();
        }
    }

    private void replay(String key, String endpoint, String hash, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select request_hash, status, content_type, body from idempotency_record where idempotency_key = ? and endpoint = ?", key, endpoint);
        if (rows.isEmpty()) {
            writeProblem(response, HttpStatus.CONFLICT, "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key was just abandoned; retry");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            writeProblem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request body");
            return;
        }
        if (row.get("status") == null) {
            writeProblem(response, HttpStatus.CONFLICT, "idempotency-in-progress", "Request in progress",
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

    private static void writeProblem(HttpServletResponse response, HttpStatus status, String type, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = "{\"type\":\"" + ProblemHandler.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
