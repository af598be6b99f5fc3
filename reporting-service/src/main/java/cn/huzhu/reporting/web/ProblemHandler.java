package cn.huzhu.reporting.web;

import cn.huzhu.security.PlatformProblems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as RFC 9457 problem details. */
@RestControllerAdvice
public class ProblemHandler extends PlatformProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
        return common(ex);
    }
}
