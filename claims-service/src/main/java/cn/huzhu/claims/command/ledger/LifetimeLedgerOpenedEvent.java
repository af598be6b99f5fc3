package cn.huzhu.claims.command.ledger;

/** Opened with the member's first lifetime payment under the plan. */
public record LifetimeLedgerOpenedEvent(String ledgerId, String memberId, String planId) {}
