package cn.huzhu.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as the tables unions publish it: a title, Chinese column headers as in their attachments, and rows of
 * cells (numbers stay numbers in the workbook; amounts keep their fen). Written as .xlsx or as .csv (UTF-8 with a
 * byte-order mark, which Excel needs to read Chinese).
 */
public record ExportTable(String title, List<String> headers, List<List<Object>> rows) {

    public enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        CSV("text/csv;charset=UTF-8", "csv");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be xlsx or csv, not " + name);
        }
    }

    public byte[] write(Format format) {
        return format == Format.XLSX ? xlsx() : csv();
    }

    private byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, Math.max(10, headers.get(c).length() * 2 + 4) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a spreadsheet takes for a plain number (a negative one too), left as it is. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * A text cell a spreadsheet would take for a formula (it begins with = + - @, a tab or a carriage return) is written
     * with a leading apostrophe, as OWASP advises against CSV injection; plain numbers are left alone.
     */
    static Object neutralised(Object value) {
        if (value instanceof String text
                && !text.isEmpty()
                && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                && !NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return value;
    }

    private byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (CSVPrinter printer = new CSVPrinter(
                new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(headers.toArray(String[]::new))
                        .get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream()
                        .map(v -> v instanceof BigDecimal d
                                ? d.toPlainString()
                                : v instanceof Number ? v : neutralised(v))
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
