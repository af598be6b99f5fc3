package cn.huzhu.enrollment.command.roster;

import cn.huzhu.identity.IdNumber;

/**
 * One line of a unit's roster (Sheet2 of the application spreadsheet) as submitted. {@code problemCode} and
 * {@code problemMessage} carry what was wrong with the line before any rule looked at it (e.g. an ID number
 * that Excel stored as a number and so lost its last digits).
 */
public record RosterRow(
        int rowNo,
        String name,
        String gender,
        String idNumber,
        String phone,
        String remark,
        String problemCode,
        String problemMessage) {

    public static RosterRow of(int rowNo, String name, String gender, String idNumber, String phone, String remark) {
        return new RosterRow(rowNo, name, gender, idNumber, phone, remark, null, null);
    }

    @Override
    public String toString() {
        return "RosterRow[rowNo=" + rowNo + ", idNumber=" + IdNumber.mask(idNumber) + ", problem=" + problemCode + "]";
    }
}
