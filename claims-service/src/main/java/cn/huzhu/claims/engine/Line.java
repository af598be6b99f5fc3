package cn.huzhu.claims.engine;

import java.math.BigDecimal;

/** One step of a calculation: the rule, the amount it worked on, the rate (if any), what it gives, and why. */
public record Line(String rule, BigDecimal base, BigDecimal rate, BigDecimal amount, String note) {}
