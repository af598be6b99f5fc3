package cn.huzhu.claims.command;

import cn.huzhu.claims.engine.BenefitAccount;
import java.math.BigDecimal;

/** A claim paid {@code amount} under an enrolment; {@code account} is what has been paid under it since. */
public record BenefitAccountChargedEvent(String accountId, String enrollmentId, String claimId, BigDecimal amount, BenefitAccount account) {
}
