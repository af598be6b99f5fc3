package cn.huzhu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies above the limit are refused with 413 before anything reads them: 1 MiB by default, 10 MiB on the upload paths
 * (roster workbooks). A body sent without a length is read up to the limit and refused beyond it.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxUploadBytes;
    private final List<String> uploadPaths;

    RequestSizeFilter(long maxBytes, long maxUploadBytes, List<String> uploadPaths) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = uploadPaths.stream().filter(p -> !p.isBlank()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit =
                uploadPaths.stream().anyMatch(p -> request.getRequestURI().startsWith(p)) ? maxUploadBytes : maxBytes;
        long length = request.getContentLengthLong();
        if (length > limit) {
            tooLarge(response, limit);
            return;
        }
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (length < 0 && !multipart && hasBody(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                tooLarge(response, limit);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        Problems.write(
                response,
                413,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes");
    }
}
