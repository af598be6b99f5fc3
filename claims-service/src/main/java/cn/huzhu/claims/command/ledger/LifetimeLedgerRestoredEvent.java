package cn.huzhu.claims.command.ledger;

import cn.huzhu.vocabulary.ClaimId;

/** A revoked claim's lifetime payments are undone: the member may be paid them again. */
public record LifetimeLedgerRestoredEvent(LedgerId ledgerId, ClaimId claimId) {}
