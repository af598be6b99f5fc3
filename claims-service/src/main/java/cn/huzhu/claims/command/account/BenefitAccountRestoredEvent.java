package cn.huzhu.claims.command.account;

/** A revoked claim's payment was taken out of the benefit account; {@code account} is the account after. */
public record BenefitAccountRestoredEvent(String accountId, String claimId, StoredAccount account) {}
