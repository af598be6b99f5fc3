package cn.huzhu.enrollment.command.member;

import cn.huzhu.enrollment.command.Actor;
import cn.huzhu.vocabulary.MemberId;
import java.time.LocalDate;

/** A member's hardship, model-worker and union-member status as the union's registers have it, set by {@code setBy}; later enrolments are funded by it. */
public record FundingStatusSetEvent(
        MemberId memberId, boolean hardship, boolean modelWorker, Actor setBy, LocalDate on, boolean unionMember) {}
