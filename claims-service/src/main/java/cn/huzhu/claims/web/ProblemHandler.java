package cn.huzhu.claims.web;

import cn.huzhu.claims.command.ClaimNotApprovedException;
import cn.huzhu.claims.command.DuplicateStayException;
import cn.huzhu.claims.command.FourEyesException;
import cn.huzhu.claims.command.UnknownMemberException;
import cn.huzhu.claims.command.ClaimNotInReviewException;
import cn.huzhu.axon.Conflicts;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem details; bad fields are named in {@code errors: [{field, message}]}. No personal data in messages. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "https://huzhu.cn/problems/";

    public record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream().map(e -> new FieldError(e.getField(), e.getDefaultMessage())).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request has invalid fields: " + errors.stream().map(FieldError::field).distinct().toList());
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The body is not valid JSON of the expected shape (check field types and enum values)"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Parameter " + ex.getName() + " has the wrong format"));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        if (Conflicts.isConcurrentChange(ex)) {
            return translate(new ConcurrencyException("concurrent change"));
        }
        return ex.getCause() instanceof RuntimeException cause && cause != ex ? translate(cause) : translate(ex);
    }

    @ExceptionHandler({NotFoundException.class, IllegalArgumentException.class, ConcurrencyException.class, ClaimNotInReviewException.class,
            ClaimNotApprovedException.class, DuplicateStayException.class, FourEyesException.class, UnknownMemberException.class})
    ResponseEntity<ProblemDetail> translate(RuntimeException ex) {
        if (ex instanceof DuplicateStayException duplicate) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "duplicate-stay", "Stay claimed already", duplicate.getMessage());
            problem.setProperty("code", "DUPLICATE_STAY");
            problem.setProperty("claimId", duplicate.firstClaimId());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        if (ex instanceof FourEyesException) {
            ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "four-eyes", "Filed by this adjudicator", ex.getMessage());
            problem.setProperty("code", "FOUR_EYES");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        if (ex instanceof UnknownMemberException) {
            ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
            problem.setProperty("code", "UNKNOWN_MEMBER");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        if (ex instanceof ClaimNotApprovedException) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "not-approved", "Not approved", ex.getMessage()));
        }
        if (ex instanceof ClaimNotInReviewException) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "not-in-review", "Not in review", ex.getMessage()));
        }
        if (ex instanceof NotFoundException) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
        }
        if (ex instanceof IllegalArgumentException) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", ex.getMessage()));
        }
        if (ex instanceof ConcurrencyException) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "Another claim changed the same benefit account at the same time; send the claim again"));
        }
        log.error("Unexpected failure: {}", ex.getClass().getName(), ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed"));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
