package cn.huzhu.claims.engine;

import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a plan rounds a computed line (Shaoxing pays whole yuan, rounded down), through {@link Money#rounded}; amounts are then kept in fen. */
public record Rounding(RoundingMode mode, int scale) {

    public static final Rounding FEN_HALF_UP = new Rounding(RoundingMode.HALF_UP, 2);

    public BigDecimal apply(BigDecimal amount) {
        return Money.rounded(amount, mode, scale).yuan();
    }
}
