package cn.huzhu.claims.command.claim;

import cn.huzhu.claims.engine.Line;
import java.math.BigDecimal;

/** One step of a benefit's calculation as its event stores it (see {@link StoredClaim} on why stored shapes are the events' own). */
public record StoredLine(String rule, BigDecimal base, BigDecimal rate, BigDecimal amount, String note) {

    public static StoredLine of(Line line) {
        return new StoredLine(line.rule(), line.base(), line.rate(), line.amount(), line.note());
    }
}
