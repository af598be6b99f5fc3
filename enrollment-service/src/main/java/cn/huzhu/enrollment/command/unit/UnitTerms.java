package cn.huzhu.enrollment.command.unit;

import cn.huzhu.vocabulary.Payer;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a unit's roster earned under the plan's unit incentives: the premium per share it pays instead of the
 * list price (null: the list price), the subsidy per person and who pays it, and the names of the incentives
 * applied with the facts behind them, for the record.
 */
public record UnitTerms(
        BigDecimal premiumPerShare, BigDecimal subsidyPerPerson, Payer subsidyPayer, List<String> applied) {

    public static final UnitTerms NONE = new UnitTerms(null, BigDecimal.ZERO, null, List.of());

    public UnitTerms {
        subsidyPerPerson = subsidyPerPerson == null ? BigDecimal.ZERO : subsidyPerPerson;
        applied = applied == null ? List.of() : List.copyOf(applied);
    }
}
