package cn.huzhu.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What every service answers to malformed requests, as RFC 9457 problem details: invalid fields named in
 * {@code errors: [{field, message}]} (at most {@value #MAX_ERRORS}, with {@code errorCount}), a body that is not JSON of
 * the expected shape with the field it went wrong at, unreadable uploads, parameters of the wrong format. A service's
 * own handler extends this one with its refusals. Messages never repeat what was sent.
 */
public abstract class PlatformProblems extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://huzhu.cn/problems/";
    /** The most field errors one answer lists (a batch of a thousand bad items is not answered with thousands). */
    public static final int MAX_ERRORS = 20;

    public record FieldError(String field, String message) {}

    public static ProblemDetail problem(HttpStatus status, String type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * What every service answers alike once its own refusals are told: a {@link NotFoundException} 404, an
     * {@link IllegalArgumentException} 400, anything else 500 (logged, the answer saying nothing of it).
     */
    protected ResponseEntity<ProblemDetail> common(RuntimeException ex) {
        if (ex instanceof NotFoundException) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
        }
        if (ex instanceof IllegalArgumentException) {
            return ResponseEntity.badRequest()
                    .body(problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", ex.getMessage()));
        }
        org.slf4j.LoggerFactory.getLogger(getClass())
                .error("Unexpected failure: {}", ex.getClass().getName(), ex);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "The request could not be completed"));
    }

    /** A 400 naming the fields, at most {@value #MAX_ERRORS} of them. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        List<FieldError> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "The request has invalid fields: "
                        + shown.stream().map(FieldError::field).distinct().toList()
                        + (errors.size() > shown.size() ? " and " + (errors.size() - shown.size()) + " more" : ""));
        problem.setProperty("errors", List.copyOf(shown));
        problem.setProperty("errorCount", errors.size());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(e -> errors.add(new FieldError(
                                result.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /** Not JSON, or JSON of another shape: which field, and why, when the parser knows. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "The body is not valid JSON of the expected shape (check field types, formats and enum values)");
        if (ex.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            String field = path(databind);
            String message =
                    databind instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                            ? withoutValues(mismatch.getOriginalMessage())
                            : "has the wrong type or format";
            problem.setDetail("Field " + field + ": " + message);
            problem.setProperty("errors", List.of(new FieldError(field, message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(ex.getName(), "has the wrong format"))));
    }

    /** A multipart body that cannot be read (cut short, no boundary): 400; one over the upload limit: 413. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "too-large",
                            "Upload too large",
                            "The upload is larger than allowed"));
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "malformed-request",
                        "Malformed request",
                        "The multipart body cannot be read (cut short, or not multipart/form-data with a boundary)"));
    }

    private static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (var reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The parser's sentence without the values it quotes (a value sent in the wrong field may be personal data). */
    static String withoutValues(String message) {
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine
                .replaceAll("\\(\"[^\"]*\"\\)", "(…)")
                .replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("\\((-?[0-9.eE+]+)\\)", "(…)");
    }
}
