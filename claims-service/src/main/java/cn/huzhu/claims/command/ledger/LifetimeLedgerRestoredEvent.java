package cn.huzhu.claims.command.ledger;

/** A revoked claim's lifetime payments are undone: the member may be paid them again. */
public record LifetimeLedgerRestoredEvent(String ledgerId, String claimId) {}
