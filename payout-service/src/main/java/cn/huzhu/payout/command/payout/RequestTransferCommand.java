package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a transfer about to be sent, to the account given, in the batch of its district and day; {@code offset} is
 * kept back for what the member owes (first transfer only). Answers the order to send, or null when nothing is to be
 * transferred (settled by the offset). Refused with {@link PayoutNotDispatchableException} unless the payout is due.
 */
public record RequestTransferCommand(
        @TargetAggregateIdentifier PayoutId payoutId,
        PayeeAccount account,
        LocalDate day,
        BigDecimal offset,
        Instant now) {}
