package cn.huzhu.payout.web;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.payout.bank.BankUnavailableException;
import cn.huzhu.payout.command.recovery.RepaymentRefusedException;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.security.PlatformProblems;
import org.axonframework.commandhandling.CommandExecutionException;
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
        return ex.getCause() instanceof RuntimeException cause && cause != ex ? translate(cause) : translate(ex);
    }

    @ExceptionHandler({
        NotFoundException.class,
        IllegalArgumentException.class,
        RepaymentRefusedException.class,
        BankUnavailableException.class
    })
    ResponseEntity<ProblemDetail> translate(RuntimeException ex) {
        if (ex instanceof RepaymentRefusedException refused) {
            ProblemDetail problem = problem(
                    HttpStatus.UNPROCESSABLE_CONTENT, "repayment-refused", "Repayment refused", ex.getMessage());
            problem.setProperty("code", refused.code());
            return ResponseEntity.unprocessableContent().body(problem);
        }
        if (ex instanceof BankUnavailableException) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE, "bank-unavailable", "Bank unavailable", ex.getMessage()));
        }
        if (Conflicts.isConcurrentChange(ex)) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(problem(
                            HttpStatus.CONFLICT,
                            "concurrent-change",
                            "Concurrent change",
                            "Another request changed the same record at the same time; send it again"));
        }
        return common(ex);
    }
}
