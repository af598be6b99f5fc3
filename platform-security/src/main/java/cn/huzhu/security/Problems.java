package cn.huzhu.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem details written by the security filters, before any controller is reached. */
final class Problems {

    private Problems() {}

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, type, title, detail));
    }

    static String json(int status, String type, String title, String detail) {
        return "{\"type\":\"" + PlatformProblems.TYPE_BASE + type + "\",\"title\":\"" + escape(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    /** The title of a status (its reason phrase), for answers written without a handler. */
    static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
