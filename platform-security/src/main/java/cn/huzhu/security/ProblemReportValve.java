package cn.huzhu.security;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * What Tomcat answers on its own, before any filter or controller (a path with {@code %00} or an encoded slash, headers
 * too large, a malformed request line), as problem details instead of Tomcat's HTML page. Installed as the host's error
 * report valve ({@link PlatformSecurityConfig}).
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(
                        status,
                        status < 500 ? "malformed-request" : "internal",
                        Problems.title(status),
                        status < 500
                                ? "The server could not take this request as it was sent (its path, headers or framing)"
                                : "The request could not be completed"));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more can be said
        }
    }
}
