package cn.huzhu.claims.engine;

import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * The engine's answer for one coverage: the amount with its calculation, or a rejection; and the benefit
 * account as it is after paying (unchanged when rejected).
 */
public record Adjudication(BigDecimal amount, List<Line> lines, Rejection rejection, BenefitAccount accountAfter) {

    public Adjudication {
        lines = List.copyOf(lines);
    }

    public boolean approved() {
        return rejection == null;
    }

    static Adjudication rejected(RejectionCode code, String message, BenefitAccount account) {
        return new Adjudication(Money.ZERO.yuan(), List.of(), Rejection.of(code, message), account);
    }
}
