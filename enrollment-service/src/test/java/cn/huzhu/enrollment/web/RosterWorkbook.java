package cn.huzhu.enrollment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a unit application workbook laid out like the seed's attachments: Sheet1 the application form
 * (labels with their values to the right), Sheet2 the member roster under a title and a date line.
 */
final class RosterWorkbook {

    /** A member line; {@code numericId} writes the ID number as a number cell, as Excel does when the column is not text. */
    record Line(String name, String gender, String idNumber, String phone, String remark, boolean numericId) {
        static Line of(String name, String gender, String idNumber, String phone) {
            return new Line(name, gender, idNumber, phone, "", false);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private Integer insuredStaff;
    private Integer enrolling;
    private boolean withMembersSheet = true;

    RosterWorkbook insuredStaff(int staff) {
        this.insuredStaff = staff;
        return this;
    }

    RosterWorkbook enrolling(int count) {
        this.enrolling = count;
        return this;
    }

    RosterWorkbook withoutMembers() {
        this.withMembersSheet = false;
        return this;
    }

    RosterWorkbook add(Line line) {
        lines.add(line);
        return this;
    }

    byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet form = workbook.createSheet("Sheet1");
            form.createRow(0).createCell(0).setCellValue("衢州市在职职工医疗互助活动 申 请 表");
            row(form, 1, "单位工会", "江山测试工会", "联系电话", "0570-4578706");
            row(form, 2, "单位地址", "江山市", "单位性质", "非公企业");
            row(form, 3, "工会主席", "王主席", "联系电话", "13905700000");
            Row counts = form.createRow(4);
            counts.createCell(0).setCellValue("在职职工 总人数");
            counts.createCell(1).setCellValue(insuredStaff == null ? 0 : insuredStaff + 2);
            counts.createCell(2).setCellValue("参加职 工 医保人 数");
            if (insuredStaff != null) {
                counts.createCell(3).setCellValue(insuredStaff);
            }
            counts.createCell(4).setCellValue("参加医疗 互助人数");
            counts.createCell(5).setCellValue(enrolling == null ? lines.size() : enrolling);
            Row amount = form.createRow(5);
            amount.createCell(0).setCellValue("交款金额 (元/人)");
            amount.createCell(1).setCellValue(50);
            amount.createCell(2).setCellValue("交 款 总 额");
            amount.createCell(3).setCellValue(50 * lines.size());

            Sheet members = workbook.createSheet("Sheet2");
            if (withMembersSheet) {
                members.createRow(0).createCell(0).setCellValue("衢州市职工医疗互助保障参保职工名册");
                members.createRow(1).createCell(0).setCellValue("填表日期:");
                row(members, 2, "序号", "姓名", "性别", "身份证号码", "手机号码", "备注");
                for (int i = 0; i < lines.size(); i++) {
                    Line line = lines.get(i);
                    Row row = members.createRow(3 + i);
                    row.createCell(0).setCellValue(i + 1);
                    row.createCell(1).setCellValue(line.name());
                    row.createCell(2).setCellValue(line.gender());
                    if (line.numericId()) {
                        row.createCell(3).setCellValue(Double.parseDouble(line.idNumber()));
                    } else {
                        row.createCell(3).setCellValue(line.idNumber());
                    }
                    row.createCell(4).setCellValue(Double.parseDouble(line.phone()));
                    row.createCell(5).setCellValue(line.remark());
                }
                // The template's numbered blank lines after the last member.
                for (int i = 0; i < 3; i++) {
                    members.createRow(3 + lines.size() + i).createCell(0).setCellValue(lines.size() + i + 1);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
