package cn.huzhu.claims.command.account;

import cn.huzhu.claims.engine.BenefitAccount;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * A benefit account as its events store it: running amounts and one-time payments by their keys (spelt by the engine's
 * {@code AccountKeys}, and stored as spelt). Copied from the engine's {@link BenefitAccount} and turned back into one.
 */
public record StoredAccount(Map<String, BigDecimal> amounts, Set<String> paidOnce) {

    public StoredAccount {
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
        paidOnce = paidOnce == null ? Set.of() : Set.copyOf(paidOnce);
    }

    public static StoredAccount of(BenefitAccount account) {
        return new StoredAccount(account.amounts(), account.paidOnce());
    }

    public BenefitAccount toAccount() {
        return new BenefitAccount(amounts, paidOnce);
    }
}
