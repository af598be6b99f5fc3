package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.roster.RosterRowResult;
import cn.huzhu.enrollment.command.roster.RosterRowStatus;
import cn.huzhu.enrollment.command.roster.RosterSubmittedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rejected rows of a roster as a workbook the unit can correct and send again: the member columns of
 * the roster (序号, 姓名, 性别, 身份证号码, 手机号码, 备注) as submitted, with the reason code and its
 * explanation. ID numbers and phones are text cells, so Excel keeps every digit.
 */
final class RejectedRowsWorkbook {

    static final List<String> HEADER = List.of("序号", "姓名", "性别", "身份证号码", "手机号码", "备注", "拒绝代码", "拒绝原因");

    private RejectedRowsWorkbook() {}

    static byte[] of(RosterSubmittedEvent roster) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("未通过名单");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setDefaultColumnStyle(i, text);
            }
            int r = 1;
            for (RosterRowResult row : roster.rows()) {
                if (row.status() != RosterRowStatus.REJECTED) {
                    continue;
                }
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.rowNo());
                String[] values = {
                    row.name(), row.gender(), row.idNumber(), row.phone(), row.remark(), row.code(), row.message()
                };
                for (int i = 0; i < values.length; i++) {
                    line.createCell(i + 1).setCellValue(values[i] == null ? "" : values[i]);
                    line.getCell(i + 1).setCellStyle(text);
                }
            }
            sheet.setColumnWidth(3, 22 * 256);
            sheet.setColumnWidth(4, 14 * 256);
            sheet.setColumnWidth(7, 60 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
