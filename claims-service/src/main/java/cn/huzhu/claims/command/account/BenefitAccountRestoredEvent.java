package cn.huzhu.claims.command.account;

import cn.huzhu.claims.engine.BenefitAccount;

/** A revoked claim's payment was taken out of the benefit account; {@code account} is the account after. */
public record BenefitAccountRestoredEvent(String accountId, String claimId, BenefitAccount account) {}
