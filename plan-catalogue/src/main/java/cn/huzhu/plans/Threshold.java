package cn.huzhu.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A number a figure is held against, with the word the notice uses, read as Civil Code art. 1259 reads it: 以上 (at
 * least) and 以下 (at most) include the number; 低于 / 不满 (below) and 超过 (above) exclude it. "1000人以上" is
 * {@code {"atLeast": 1000}}, "低于70%" is {@code {"below": "0.70"}}.
 */
public record Threshold(Reading reading, BigDecimal value) {

    /** How a threshold's number is read, and the words that mean it. */
    public enum Reading {
        AT_LEAST("atLeast", "≥", "以上"),
        AT_MOST("atMost", "≤", "以下"),
        BELOW("below", "<", "低于"),
        ABOVE("above", ">", "超过");

        final String field;
        final String sign;
        final String word;

        Reading(String field, String sign, String word) {
            this.field = field;
            this.sign = sign;
            this.word = word;
        }
    }

    public Threshold {
        if (reading == null || value == null) {
            throw new IllegalArgumentException("A threshold needs its reading and its number");
        }
    }

    public static Threshold atLeast(long value) {
        return new Threshold(Reading.AT_LEAST, BigDecimal.valueOf(value));
    }

    public static Threshold below(BigDecimal value) {
        return new Threshold(Reading.BELOW, value);
    }

    /** Whether the figure passes. */
    public boolean admits(BigDecimal figure) {
        int c = figure.compareTo(value);
        return switch (reading) {
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case BELOW -> c < 0;
            case ABOVE -> c > 0;
        };
    }

    public boolean admits(long figure) {
        return admits(BigDecimal.valueOf(figure));
    }

    /** {@code {"atLeast": 1000}}: exactly one of atLeast, atMost, below, above. */
    public static Threshold read(JsonNode node) {
        Threshold found = null;
        for (Reading reading : Reading.values()) {
            if (node.has(reading.field)) {
                if (found != null) {
                    throw new IllegalArgumentException("A threshold has one reading, not " + node);
                }
                found = new Threshold(
                        reading, new BigDecimal(node.path(reading.field).asText()));
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("A threshold is one of atLeast, atMost, below, above: " + node);
        }
        return found;
    }

    /** "≥ 1000 (以上)". */
    @Override
    public String toString() {
        return reading.sign + " " + value.stripTrailingZeros().toPlainString() + " (" + reading.word + ")";
    }
}
