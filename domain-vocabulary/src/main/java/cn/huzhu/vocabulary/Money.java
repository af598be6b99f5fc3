package cn.huzhu.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of yuan, exact to the fen. Premiums, benefits, payouts and recoveries are computed as Money; a computed
 * amount finer than a fen becomes Money only through {@link #rounded}, the one place an amount is rounded. Stored
 * events and records carry {@link #yuan()}, a decimal of scale 2.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** An amount that is already whole fen ({@code 95}, {@code 12.5}, {@code 3.10}); refused when finer than a fen. */
    public static Money of(BigDecimal yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException("An amount of money is required");
        }
        try {
            return new Money(
                    yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Not an amount in fen: " + yuan.toPlainString(), e);
        }
    }

    public static Money of(String yuan) {
        return of(new BigDecimal(yuan));
    }

    /**
     * A computed amount rounded as a plan says: to {@code scale} decimals of a yuan (2 is the fen, 0 whole yuan) with
     * {@code mode}. A scale finer than the fen is refused: money is never kept below a fen.
     */
    public static Money rounded(BigDecimal yuan, RoundingMode mode, int scale) {
        if (scale > 2 || scale < 0) {
            throw new IllegalArgumentException(
                    "Money is rounded to whole yuan, jiao or fen (scale 0 to 2), not to scale " + scale);
        }
        return of(yuan.setScale(scale, mode));
    }

    /** The amount in yuan with two decimals, as stored and published. */
    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** The amount as written for people and in files: {@code 95.00}. */
    public String text() {
        return yuan().toPlainString();
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long count) {
        return new Money(Math.multiplyExact(fen, count));
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return text();
    }

    /** The decimal of scale 2 every stored amount is written as; refused when finer than a fen. */
    public static BigDecimal exactYuan(BigDecimal yuan) {
        return of(yuan).yuan();
    }

    /** An amount as written for people and in files, {@code null} staying null. */
    public static String text(BigDecimal yuan) {
        return yuan == null ? null : of(yuan).text();
    }
}
