package cn.huzhu.payout.web;

import cn.huzhu.payout.bank.BankGateway;
import cn.huzhu.payout.bank.BankGateway.Answer;
import cn.huzhu.payout.dispatch.PayoutDispatcher;
import cn.huzhu.payout.query.PayoutQueries;
import cn.huzhu.payout.query.PayoutQueries.TransferRow;
import cn.huzhu.security.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank's confirmations of transfers (its notify URL). A confirmation may come after the answer, or more than once:
 * the payout records an outcome once, and a confirmation heard before changes nothing. The endpoint takes no token (the
 * bank is not a user of the platform), so a notification is only a cue: what is recorded is the outcome the bank's own
 * status API gives for the reference, never what the notification says.
 */
@RestController
@RequestMapping("/api/bank")
public class BankConfirmationController {

    public record Confirmation(
            @NotBlank String reference,

            @NotBlank @Pattern(regexp = "SUCCEEDED|FAILED|REJECTED")
            String status,

            String reason,
            String bankTransactionId) {}

    private final PayoutQueries queries;
    private final PayoutDispatcher dispatcher;
    private final BankGateway bank;

    public BankConfirmationController(PayoutQueries queries, PayoutDispatcher dispatcher, BankGateway bank) {
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.bank = bank;
    }

    @PostMapping("/confirmations")
    ResponseEntity<Void> confirm(@Valid @RequestBody Confirmation c) {
        TransferRow transfer =
                queries.transfer(c.reference()).orElseThrow(() -> new NotFoundException("transfer", c.reference()));
        Answer fromBank = bank.status(transfer.reference());
        dispatcher.settle(transfer.payoutId(), fromBank);
        return ResponseEntity.noContent().build();
    }
}
