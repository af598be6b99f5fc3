package cn.huzhu.enrollment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in the API: a decimal string in yuan with two places ("2600.00"), never a floating-point number. */
final class Money {

    private Money() {
    }

    static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
