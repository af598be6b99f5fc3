package cn.huzhu.enrollment.command;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a member's hardship (困难职工) and model-worker (劳模) status from the union's registers, as a district officer or
 * the scheme administrator (never the member or the unit clerk: the province pays the whole Guangdong premium for them).
 */
public record SetFundingStatusCommand(@TargetAggregateIdentifier String memberId, boolean hardship, boolean modelWorker, Actor setBy,
                                      LocalDate today) {
    public SetFundingStatusCommand {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(today, "today");
    }
}
