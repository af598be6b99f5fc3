package cn.huzhu.claims.engine;

import java.math.BigDecimal;

/** Which amount of the bill a rule works on. */
public enum Base {
    /** 个人自付: the in-scope personal share, deductible included. */
    CO_PAY,
    /** 起付: the deductible part of the co-pay. */
    DEDUCTIBLE,
    /** 按比例自负: the co-pay without the deductible. */
    PROPORTIONAL_CO_PAY,
    /** 个人自理: co-pay and self-funded (out of scope) together. */
    CO_PAY_PLUS_SELF_FUNDED;

    BigDecimal of(Bill bill) {
        return switch (this) {
            case CO_PAY -> bill.coPay();
            case DEDUCTIBLE -> bill.deductible();
            case PROPORTIONAL_CO_PAY -> bill.coPay().subtract(bill.deductible()).max(BigDecimal.ZERO);
            case CO_PAY_PLUS_SELF_FUNDED -> bill.coPay().add(bill.selfFunded());
        };
    }
}
