package cn.huzhu.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors the servlet container dispatches to {@code /error} (raised before a controller, by a filter or the container)
 * answered as problem details, not Spring's default JSON. Asked for directly, {@code /error} is a resource like no other:
 * not found.
 */
@io.swagger.v3.oas.annotations.Hidden
@org.springframework.web.bind.annotation.RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(PlatformProblems.problem(
                            HttpStatus.NOT_FOUND, "not-found", Problems.title(404), "No such resource"));
        }
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = PlatformProblems.problem(
                known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR,
                status < 500 ? "malformed-request" : "internal",
                Problems.title(status),
                status < 500 ? "The request could not be taken as it was sent" : "The request could not be completed");
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
