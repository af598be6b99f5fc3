package cn.huzhu.claims.command.stay;

import cn.huzhu.vocabulary.ClaimId;

public record StayReleasedEvent(RegisterId registerId, ClaimId claimId) {}
