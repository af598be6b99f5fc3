package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.NotEntitledException;
import cn.huzhu.enrollment.command.RefusedException;
import cn.huzhu.enrollment.command.UnknownUnitException;
import cn.huzhu.enrollment.command.member.MemberAlreadyRegisteredException;
import cn.huzhu.enrollment.command.target.TargetRefusedException;
import cn.huzhu.identity.InvalidBankAccountException;
import cn.huzhu.identity.InvalidIdNumberException;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.security.PlatformProblems;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 problem details. Bad fields are named in {@code errors: [{field, message}]};
 * refused business actions carry a stable {@code code}. Messages never repeat personal data.
 */
@RestControllerAdvice
public class ProblemHandler extends PlatformProblems {

    @ExceptionHandler(RosterFiles.UnreadableRosterException.class)
    ResponseEntity<ProblemDetail> unreadableRoster(RosterFiles.UnreadableRosterException ex) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "unreadable-roster", "Unreadable roster", ex.getMessage()));
    }

    @ExceptionHandler(RosterController.RosterTooLargeException.class)
    ResponseEntity<ProblemDetail> rosterTooLarge(RosterController.RosterTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Roster too large", ex.getMessage()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof RuntimeException runtime && cause != ex) {
            return translate(runtime);
        }
        return translate(ex);
    }

    @ExceptionHandler({
        RefusedException.class,
        InvalidIdNumberException.class,
        InvalidBankAccountException.class,
        MemberAlreadyRegisteredException.class,
        UnknownUnitException.class,
        AggregateNotFoundException.class,
        ConcurrencyException.class,
        NotFoundException.class,
        IllegalArgumentException.class
    })
    ResponseEntity<ProblemDetail> translate(RuntimeException ex) {
        if (ex instanceof NotEntitledException notEntitled) {
            ProblemDetail problem =
                    problem(HttpStatus.FORBIDDEN, "not-entitled", "Not entitled", notEntitled.getMessage());
            problem.setProperty("code", notEntitled.code());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        if (ex instanceof RefusedException refused) {
            boolean target = refused instanceof TargetRefusedException;
            ProblemDetail problem = problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    target ? "target-refused" : "enrollment-refused",
                    target ? "Target refused" : "Enrolment refused",
                    refused.getMessage());
            problem.setProperty("code", refused.code());
            if (refused.field() != null) {
                problem.setProperty("errors", List.of(new FieldError(refused.field(), refused.getMessage())));
            }
            return ResponseEntity.unprocessableContent().body(problem);
        }
        if (ex instanceof InvalidIdNumberException invalid) {
            ProblemDetail problem =
                    problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid ID number", invalid.getMessage());
            problem.setProperty("errors", List.of(new FieldError("idNumber", invalid.getMessage())));
            return ResponseEntity.badRequest().body(problem);
        }
        if (ex instanceof InvalidBankAccountException invalid) {
            ProblemDetail problem =
                    problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid account number", invalid.getMessage());
            problem.setProperty("errors", List.of(new FieldError("number", invalid.getMessage())));
            return ResponseEntity.badRequest().body(problem);
        }
        if (ex instanceof MemberAlreadyRegisteredException duplicate) {
            ProblemDetail problem =
                    problem(HttpStatus.CONFLICT, "member-exists", "Member already registered", duplicate.getMessage());
            problem.setProperty("memberId", duplicate.memberId());
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .location(URI.create("/api/members/" + duplicate.memberId()))
                    .body(problem);
        }
        if (ex instanceof UnknownUnitException) {
            ProblemDetail problem =
                    problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference", "Unknown unit", ex.getMessage());
            problem.setProperty("errors", List.of(new FieldError("unitId", ex.getMessage())));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        if (ex instanceof AggregateNotFoundException) {
            ProblemDetail problem = problem(
                    HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference", "Unknown member", "There is no such member");
            problem.setProperty("errors", List.of(new FieldError("memberId", "There is no such member")));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        if (ex instanceof ConcurrencyException) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(problem(
                            HttpStatus.CONFLICT,
                            "concurrent-change",
                            "Concurrent change",
                            "The record was changed at the same time by another request; retry"));
        }
        return common(ex);
    }
}
