package cn.huzhu.claims.query;

import cn.huzhu.claims.command.claim.ClaimAdjudicatedEvent;
import cn.huzhu.claims.command.claim.ClaimRevokedEvent;

/** A claim as recorded: its latest decision and, if it was revoked, the revocation (else null). */
public record ClaimRecord(ClaimAdjudicatedEvent decision, ClaimRevokedEvent revocation) {}
