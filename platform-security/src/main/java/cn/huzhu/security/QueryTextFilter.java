package cn.huzhu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters as text a person could have typed: a name or value that is not properly percent-encoded or holds a
 * control character (NUL, ESC, …) is refused with 400 before any controller or database sees it, as control characters are in
 * JSON bodies ({@link StrictJson}).
 */
final class QueryTextFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request.getQueryString());
        if (problem != null) {
            Problems.write(response, 400, "malformed-request", "Malformed request", problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the query string, or null. */
    static String problem(String query) {
        for (String pair : query.split("&")) {
            String decoded;
            try {
                decoded = URLDecoder.decode(pair, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "A query parameter is not properly percent-encoded";
            }
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (Character.isISOControl(c)) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String shown = name.replaceAll("\\p{Cntrl}", "?");
                    return "Query parameter " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                            + " holds a control character (U+" + String.format("%04X", (int) c) + ")";
                }
            }
        }
        return null;
    }
}
