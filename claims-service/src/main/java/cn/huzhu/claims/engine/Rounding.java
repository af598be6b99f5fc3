package cn.huzhu.claims.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a computed line is rounded (Shaoxing pays whole yuan, rounded down); amounts are then shown in fen. */
public record Rounding(RoundingMode mode, int scale) {

    public static final Rounding FEN_HALF_UP = new Rounding(RoundingMode.HALF_UP, 2);

    public BigDecimal apply(BigDecimal amount) {
        return amount.setScale(scale, mode).setScale(2, RoundingMode.UNNECESSARY);
    }
}
