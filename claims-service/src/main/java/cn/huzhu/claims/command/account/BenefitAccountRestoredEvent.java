package cn.huzhu.claims.command.account;

import cn.huzhu.vocabulary.ClaimId;

/** A revoked claim's payment was taken out of the benefit account; {@code account} is the account after. */
public record BenefitAccountRestoredEvent(AccountId accountId, ClaimId claimId, StoredAccount account) {}
