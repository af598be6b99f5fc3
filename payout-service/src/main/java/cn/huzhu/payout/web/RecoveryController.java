package cn.huzhu.payout.web;

import cn.huzhu.axon.Conflicts;
import cn.huzhu.payout.command.recovery.RecordRepaymentCommand;
import cn.huzhu.payout.command.recovery.RecoveryAggregate;
import cn.huzhu.payout.query.PayoutQueries;
import cn.huzhu.security.Caller;
import cn.huzhu.security.NotFoundException;
import cn.huzhu.vocabulary.MemberId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What members owe back for claims revoked after payment, and the repayments they make. */
@RestController
@RequestMapping("/api/recoveries")
public class RecoveryController {

    /** A repayment received (at the union's counter, by transfer); its reference makes it count once. */
    public record Repayment(
            @NotBlank @Size(max = 60) String reference,

            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @NotNull LocalDate paidOn) {}

    private final PayoutQueries queries;
    private final CommandGateway commands;

    public RecoveryController(PayoutQueries queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/{memberId}")
    PayoutResponses.Recovery recovery(@PathVariable UUID memberId) {
        return queries.recovery(memberId)
                .filter(r -> Caller.current().reaches(memberId.toString(), null, null))
                .map(PayoutResponses::recovery)
                .orElseThrow(() -> new NotFoundException("recovery for member", memberId));
    }

    @PostMapping("/{memberId}/repayments")
    PayoutResponses.Recovery repay(@PathVariable UUID memberId, @Valid @RequestBody Repayment repayment) {
        if (queries.recovery(memberId).isEmpty()) {
            throw new NotFoundException("recovery for member", memberId);
        }
        Conflicts.sendRetrying(
                commands,
                new RecordRepaymentCommand(
                        RecoveryAggregate.idOf(MemberId.of(memberId)),
                        MemberId.of(memberId),
                        repayment.reference(),
                        repayment.amount(),
                        repayment.paidOn()));
        return recovery(memberId);
    }
}
