package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a member's hardship (困难职工), model-worker (劳模) and union-member (工会会员, null: unchanged)
 * status from the union's registers, as a district officer or
 * the scheme administrator (never the member or the unit clerk: the province pays the whole Guangdong premium for the first two,
 * and its part for the last).
 */
public record SetFundingStatusCommand(
        @TargetAggregateIdentifier MemberId memberId,
        boolean hardship,
        boolean modelWorker,
        Actor setBy,
        LocalDate today,
        Boolean unionMember) {
    public SetFundingStatusCommand {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(today, "today");
    }
}
