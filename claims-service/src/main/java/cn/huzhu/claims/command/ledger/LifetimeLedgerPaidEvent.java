package cn.huzhu.claims.command.ledger;

import java.util.Set;

/** A claim made these lifetime payments. */
public record LifetimeLedgerPaidEvent(String ledgerId, String claimId, Set<String> payments) {}
