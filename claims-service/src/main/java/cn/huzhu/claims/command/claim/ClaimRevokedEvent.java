package cn.huzhu.claims.command.claim;

import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An approved claim was revoked: {@code total} paid under {@code benefits} is to be recovered; the benefit accounts are restored. */
public record ClaimRevokedEvent(
        ClaimId claimId,
        MemberId memberId,
        String reason,
        String note,
        LocalDate revokedOn,
        BigDecimal total,
        List<BenefitDecision> benefits) {}
