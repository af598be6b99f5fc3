package cn.huzhu.enrollment.command.roster;

import java.math.BigDecimal;

/**
 * What became of one roster row; {@code amountDue} is the unit's part of an enrolled row's premium. The row as submitted (name, ID number, phone) is kept only for rejected rows,
 * so the unit can correct them; an enrolled row is known by its member.
 */
public record RosterRowResult(
        int rowNo,
        RosterRowStatus status,
        String memberId,
        String enrollmentId,
        BigDecimal premium,
        BigDecimal amountDue,
        String code,
        String message,
        String name,
        String gender,
        String idNumber,
        String phone,
        String remark) {

    @Override
    public String toString() {
        return "RosterRowResult[rowNo=" + rowNo + ", status=" + status + ", code=" + code + "]";
    }
}
