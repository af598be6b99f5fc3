package cn.huzhu.enrollment.command.roster;

import java.math.BigDecimal;

/**
 * The unit's application form (Sheet1 of the spreadsheet): who applies and the headcounts it declares. Every
 * field may be absent; the unit's registered insured headcount stands in for a missing
 * {@code staffInBasicInsurance}.
 */
public record RosterApplication(
        String unitName,
        String contact,
        String contactPhone,
        Integer staffTotal,
        Integer staffInBasicInsurance,
        Integer enrolling,
        BigDecimal amountPerPerson,
        BigDecimal amountTotal) {

    public static final RosterApplication NONE = new RosterApplication(null, null, null, null, null, null, null, null);
}
