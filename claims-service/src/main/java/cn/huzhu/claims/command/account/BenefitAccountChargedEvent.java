package cn.huzhu.claims.command.account;

import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.EnrollmentId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * A claim paid {@code amount} under an enrolment; {@code account} is what has been paid under it since, and
 * {@code added} / {@code markedPaid} what this claim added to it (taken back if the claim is revoked).
 */
public record BenefitAccountChargedEvent(
        AccountId accountId,
        EnrollmentId enrollmentId,
        ClaimId claimId,
        BigDecimal amount,
        StoredAccount account,
        Map<String, BigDecimal> added,
        Set<String> markedPaid) {

    public Map<String, BigDecimal> added() {
        return added == null ? Map.of() : added;
    }

    public Set<String> markedPaid() {
        return markedPaid == null ? Set.of() : markedPaid;
    }
}
