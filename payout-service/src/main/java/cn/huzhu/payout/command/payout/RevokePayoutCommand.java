package cn.huzhu.payout.command.payout;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokePayoutCommand(@TargetAggregateIdentifier String payoutId, String reason, LocalDate on) {}
