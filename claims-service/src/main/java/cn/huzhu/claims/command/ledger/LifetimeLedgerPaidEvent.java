package cn.huzhu.claims.command.ledger;

import cn.huzhu.vocabulary.ClaimId;
import java.util.Set;

/** A claim made these lifetime payments. */
public record LifetimeLedgerPaidEvent(LedgerId ledgerId, ClaimId claimId, Set<String> payments) {}
