package cn.huzhu.claims.web;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.claims.command.claim.ClaimNotApprovedException;
import cn.huzhu.claims.command.claim.ClaimNotInReviewException;
import cn.huzhu.claims.command.claim.FourEyesException;
import cn.huzhu.claims.command.claim.UnknownMemberException;
import cn.huzhu.claims.command.stay.DuplicateStayException;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.security.PlatformProblems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error as RFC 9457 problem details; bad fields are named in {@code errors: [{field, message}]}. No personal data in messages. */
@RestControllerAdvice
public class ProblemHandler extends PlatformProblems {

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        if (Conflicts.isConcurrentChange(ex)) {
            return translate(new ConcurrencyException("concurrent change"));
        }
        return ex.getCause() instanceof RuntimeException cause && cause != ex ? translate(cause) : translate(ex);
    }

    @ExceptionHandler({
        NotFoundException.class,
        IllegalArgumentException.class,
        ConcurrencyException.class,
        ClaimNotInReviewException.class,
        ClaimNotApprovedException.class,
        DuplicateStayException.class,
        FourEyesException.class,
        UnknownMemberException.class
    })
    ResponseEntity<ProblemDetail> translate(RuntimeException ex) {
        if (ex instanceof DuplicateStayException duplicate) {
            ProblemDetail problem =
                    problem(HttpStatus.CONFLICT, "duplicate-stay", "Stay claimed already", duplicate.getMessage());
            problem.setProperty("code", "DUPLICATE_STAY");
            problem.setProperty("claimId", duplicate.firstClaimId());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        if (ex instanceof FourEyesException) {
            ProblemDetail problem =
                    problem(HttpStatus.FORBIDDEN, "four-eyes", "Filed by this adjudicator", ex.getMessage());
            problem.setProperty("code", "FOUR_EYES");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        if (ex instanceof UnknownMemberException) {
            ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
            problem.setProperty("code", "UNKNOWN_MEMBER");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        if (ex instanceof ClaimNotApprovedException) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(problem(HttpStatus.CONFLICT, "not-approved", "Not approved", ex.getMessage()));
        }
        if (ex instanceof ClaimNotInReviewException) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(problem(HttpStatus.CONFLICT, "not-in-review", "Not in review", ex.getMessage()));
        }
        if (ex instanceof ConcurrencyException) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(problem(
                            HttpStatus.CONFLICT,
                            "concurrent-change",
                            "Concurrent change",
                            "Another claim changed the same benefit account at the same time; send the claim again"));
        }
        return common(ex);
    }
}
