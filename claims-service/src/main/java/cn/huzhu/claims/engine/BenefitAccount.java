package cn.huzhu.claims.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What has been paid under one enrolment and coverage year, as the rules need it: running amounts (cap used,
 * the year's cumulative base, bracket amounts already paid) and one-time payments made (first-hospitalisation
 * subsidy, a lump sum, a condolence). Immutable; the engine returns the account after a payment.
 */
public record BenefitAccount(Map<String, BigDecimal> amounts, Set<String> paidOnce) {

    public static final BenefitAccount EMPTY = new BenefitAccount(Map.of(), Set.of());

    public BenefitAccount {
        amounts = Map.copyOf(amounts);
        paidOnce = Set.copyOf(paidOnce);
    }

    public BigDecimal amount(String key) {
        return amounts.getOrDefault(key, BigDecimal.ZERO);
    }

    public boolean paid(String key) {
        return paidOnce.contains(key);
    }

    /**
     * The one-time payments of this account that are once in a member's life under the plan, not once per enrolment:
     * they must be known to the member's later enrolments of the plan too.
     */
    public Set<String> lifetimePayments() {
        Set<String> lifetime = new HashSet<>();
        for (String key : paidOnce) {
            if (AccountKeys.isLifetime(key)) {
                lifetime.add(key);
            }
        }
        return lifetime;
    }

    /** This account as seen with one-time payments made under other enrolments (lifetime payments) added. */
    public BenefitAccount withPaid(Set<String> paidElsewhere) {
        if (paidElsewhere.isEmpty()) {
            return this;
        }
        Set<String> next = new HashSet<>(paidOnce);
        next.addAll(paidElsewhere);
        return new BenefitAccount(amounts, next);
    }

    BenefitAccount add(String key, BigDecimal amount) {
        Map<String, BigDecimal> next = new HashMap<>(amounts);
        next.merge(key, amount, BigDecimal::add);
        return new BenefitAccount(next, paidOnce);
    }

    BenefitAccount markPaid(String key) {
        Set<String> next = new HashSet<>(paidOnce);
        next.add(key);
        return new BenefitAccount(amounts, next);
    }
}
