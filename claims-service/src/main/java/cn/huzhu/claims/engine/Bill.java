package cn.huzhu.claims.engine;

import java.math.BigDecimal;

/**
 * A hospital bill as basic insurance settled it: {@code total}; {@code pooledFundPaid} (统筹); {@code coPay}
 * (个人自付, the in-scope personal share, which includes {@code deductible} 起付); {@code selfFunded} (自费,
 * out of scope). A bill not settled through basic insurance carries {@code unsettledAmount}, and for a traffic
 * accident the member's {@code liabilityShare}.
 */
public record Bill(
        BigDecimal total,
        BigDecimal pooledFundPaid,
        BigDecimal deductible,
        BigDecimal coPay,
        BigDecimal selfFunded,
        boolean settledViaInsurance,
        BigDecimal unsettledAmount,
        BigDecimal liabilityShare) {

    public Bill {
        total = orZero(total);
        pooledFundPaid = orZero(pooledFundPaid);
        deductible = orZero(deductible);
        coPay = orZero(coPay);
        selfFunded = orZero(selfFunded);
        unsettledAmount = orZero(unsettledAmount);
        liabilityShare = orZero(liabilityShare);
    }

    /** A bill settled through basic insurance. */
    public static Bill settled(
            String total, String pooledFundPaid, String deductible, String coPay, String selfFunded) {
        return new Bill(
                new BigDecimal(total),
                new BigDecimal(pooledFundPaid),
                new BigDecimal(deductible),
                new BigDecimal(coPay),
                new BigDecimal(selfFunded),
                true,
                null,
                null);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
