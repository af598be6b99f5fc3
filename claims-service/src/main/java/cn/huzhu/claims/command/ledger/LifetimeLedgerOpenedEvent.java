package cn.huzhu.claims.command.ledger;

import cn.huzhu.vocabulary.MemberId;
import cn.huzhu.vocabulary.PlanId;

/** Opened with the member's first lifetime payment under the plan. */
public record LifetimeLedgerOpenedEvent(LedgerId ledgerId, MemberId memberId, PlanId planId) {}
