package cn.huzhu.payout.bank;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bank, as payouts see it. Every transfer carries a reference the bank executes at most once; an answer that does
 * not come (a timeout, a lost connection, a 5xx) is {@link Outcome#UNKNOWN}: the money may have moved, and only
 * {@link #status} can tell.
 */
public interface BankGateway {

    enum Outcome {
        SUCCEEDED,
        FAILED,
        REJECTED,
        /** The bank never received the reference: it may be sent again, with the same reference. */
        NOT_FOUND,
        /** The bank has this reference already (an earlier send arrived): ask for its status. */
        DUPLICATE_REFERENCE,
        /** No usable answer: ask for the status later. */
        UNKNOWN;

        public boolean settled() {
            return this == SUCCEEDED || this == FAILED || this == REJECTED;
        }
    }

    record Transfer(
            String reference,
            String payoutId,
            String batchId,
            String accountNumber,
            String holderName,
            String bankName,
            BigDecimal amount) {}

    record Answer(String reference, Outcome outcome, String reason, String bankTransactionId) {}

    record StatementLine(String reference, BigDecimal amount) {}

    /** What the bank executed in a batch. */
    record Statement(String batchId, int count, BigDecimal amount, List<StatementLine> lines) {}

    Answer send(Transfer transfer);

    /**
     * Sends transfers together (a bank's batch transfer, as disbursement interfaces take them), answering one answer per
     * transfer in their order; each reference is still executed at most once. By default, one after the other.
     */
    default List<Answer> sendAll(List<Transfer> transfers) {
        return transfers.stream().map(this::send).toList();
    }

    Answer status(String reference);

    Statement statement(String batchId);
}
