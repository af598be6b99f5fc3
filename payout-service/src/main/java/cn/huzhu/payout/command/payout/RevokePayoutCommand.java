package cn.huzhu.payout.command.payout;

import cn.huzhu.payout.command.PayoutId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokePayoutCommand(@TargetAggregateIdentifier PayoutId payoutId, String reason, LocalDate on) {}
