package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.command.roster.RosterApplication;
import cn.huzhu.enrollment.command.roster.RosterRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a unit's roster as the seeds describe it: the application spreadsheet ({@code .xlsx}, Sheet1 the
 * application form, Sheet2 the members: 序号, 姓名, 性别, 身份证号码, 手机号码, 备注) or the members as CSV
 * with the same header (Chinese or English names). ID numbers that Excel stored as numbers have lost their
 * last digits: such rows are reported, never repaired by guessing.
 */
final class RosterFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ID_STORED_AS_NUMBER = "ID_NUMBER_STORED_AS_NUMBER";
    private static final String ID_STORED_AS_NUMBER_MESSAGE =
            "The ID number was stored as a number, which keeps only 15 digits: format the column as text and type the number again";
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?[eE][+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{15,18}\\.0+");

    private RosterFiles() {}

    /** A parsed roster file: the application form (if the file has one) and the member rows. */
    record Parsed(RosterApplication application, List<RosterRow> rows) {}

    /** The file is not a roster we can read; nothing is recorded. */
    static final class UnreadableRosterException extends RuntimeException {
        UnreadableRosterException(String message) {
            super(message);
        }
    }

    private enum Column {
        NO("序号", "no"),
        NAME("姓名", "name"),
        GENDER("性别", "gender"),
        ID_NUMBER("身份证", "idnumber"),
        PHONE("手机", "phone"),
        REMARK("备注", "remark");

        private final String chinese;
        private final String english;

        Column(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        static Column of(String header) {
            String h = compact(header).toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (h.contains(column.chinese) || h.equals(column.english)) {
                    return column;
                }
            }
            return h.contains("电话") ? PHONE : null;
        }
    }

    // ---- xlsx -------------------------------------------------------------------------------------------

    /**
     * How far a workbook may inflate: a roster of 20 000 rows is a few MB unpacked and compresses at most some twentyfold,
     * so an entry packed tighter than 1:20, or larger than 64 MB, is a zip bomb, refused before it is inflated further.
     */
    static final double MIN_INFLATE_RATIO = 0.05;

    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    static Parsed xlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet membersSheet = null;
            int headerRow = -1;
            for (int s = 0; s < workbook.getNumberOfSheets() && membersSheet == null; s++) {
                Sheet sheet = workbook.getSheetAt(s);
                int header = findHeader(sheet);
                if (header >= 0) {
                    membersSheet = sheet;
                    headerRow = header;
                }
            }
            if (membersSheet == null) {
                throw new UnreadableRosterException(
                        workbook.getNumberOfSheets() < 2
                                        || workbook.getSheetAt(1).getPhysicalNumberOfRows() == 0
                                ? "The members sheet (Sheet2) is missing or empty: it needs a header row 序号, 姓名, 性别, 身份证号码, 手机号码, 备注 and one row per member"
                                : "No sheet has a header row with 姓名 and 身份证号码 (序号, 姓名, 性别, 身份证号码, 手机号码, 备注)");
            }
            RosterApplication application = RosterApplication.NONE;
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                if (workbook.getSheetAt(s) != membersSheet) {
                    application = application(workbook.getSheetAt(s));
                    break;
                }
            }
            return new Parsed(application, members(membersSheet, headerRow));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableRosterException unreadable) {
                throw unreadable;
            }
            throw new UnreadableRosterException(
                    "The file is not a readable .xlsx workbook (save it as Excel Workbook .xlsx)");
        }
    }

    private static int findHeader(Sheet sheet) {
        int last = Math.min(sheet.getLastRowNum(), 20);
        for (int r = sheet.getFirstRowNum(); r <= last && r >= 0; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            boolean name = false;
            boolean id = false;
            for (Cell cell : row) {
                Column column = Column.of(text(cell));
                name |= column == Column.NAME;
                id |= column == Column.ID_NUMBER;
            }
            if (name && id) {
                return r;
            }
        }
        return -1;
    }

    private static List<RosterRow> members(Sheet sheet, int headerRow) {
        Map<Column, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(headerRow)) {
            Column column = Column.of(text(cell));
            if (column != null) {
                columns.putIfAbsent(column, cell.getColumnIndex());
            }
        }
        List<RosterRow> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String name = text(cell(row, columns.get(Column.NAME)));
            Cell idCell = cell(row, columns.get(Column.ID_NUMBER));
            String phone = text(cell(row, columns.get(Column.PHONE)));
            if (name.isEmpty() && text(idCell).isEmpty() && phone.isEmpty()) {
                continue;
            }
            int rowNo = rows.size() + 1;
            String gender = text(cell(row, columns.get(Column.GENDER)));
            String remark = text(cell(row, columns.get(Column.REMARK)));
            if (idCell != null && isNumeric(idCell)) {
                rows.add(new RosterRow(
                        rowNo, name, gender, null, phone, remark, ID_STORED_AS_NUMBER, ID_STORED_AS_NUMBER_MESSAGE));
            } else {
                rows.add(row(rowNo, name, gender, text(idCell), phone, remark));
            }
        }
        return rows;
    }

    /** Sheet1, a form: each value stands right of its label. */
    private static RosterApplication application(Sheet sheet) {
        Map<String, String> values = new HashMap<>();
        for (Row row : sheet) {
            List<Cell> cells = new ArrayList<>();
            row.forEach(cells::add);
            for (int i = 0; i < cells.size(); i++) {
                String label = compact(text(cells.get(i)));
                String key = applicationKey(label, values);
                if (key == null) {
                    continue;
                }
                for (int j = i + 1; j < cells.size(); j++) {
                    String value = text(cells.get(j));
                    if (!value.isEmpty()) {
                        if (applicationKey(compact(value), Map.of()) == null) {
                            values.put(key, value);
                        }
                        break;
                    }
                }
            }
        }
        return new RosterApplication(
                values.get("unit"),
                values.get("contact"),
                values.get("phone"),
                count(values, "staffTotal", "在职职工总人数"),
                count(values, "insured", "参加职工医保人数"),
                count(values, "enrolling", "参加医疗互助人数"),
                decimal(values.get("amountPerPerson")),
                decimal(values.get("amountTotal")));
    }

    /** A headcount of the form: absent, or a whole number; anything else is reported rather than guessed. */
    private static Integer count(Map<String, String> values, String key, String label) {
        String value = values.get(key);
        Integer count = integer(value);
        if (value != null && (count == null || count < 0)) {
            throw new UnreadableRosterException("Sheet1: " + label + " must be a whole number, not \"" + value + "\"");
        }
        return count;
    }

    private static String applicationKey(String label, Map<String, String> found) {
        if (label.startsWith("单位工会")) {
            return "unit";
        }
        if (label.startsWith("工会主席")) {
            return "contact";
        }
        if (label.startsWith("联系电话")) {
            return found.containsKey("phone") ? null : "phone";
        }
        if (label.contains("总人数") && label.contains("职工")) {
            return "staffTotal";
        }
        if (label.contains("医保人数")) {
            return "insured";
        }
        if (label.contains("医疗互助人数")) {
            return "enrolling";
        }
        if (label.startsWith("交款金额")) {
            return "amountPerPerson";
        }
        if (label.startsWith("交款总额")) {
            return "amountTotal";
        }
        return null;
    }

    private static Cell cell(Row row, Integer column) {
        return column == null ? null : row.getCell(column);
    }

    private static boolean isNumeric(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC
                || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) && Math.abs(value) < 1e15
                        ? Long.toString((long) value)
                        : new DataFormatter().formatCellValue(cell).strip();
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    // ---- csv --------------------------------------------------------------------------------------------

    static Parsed csv(byte[] content) {
        String text = decode(content);
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new UnreadableRosterException("The CSV file is empty");
            }
            Map<Column, Integer> columns = new HashMap<>();
            CSVRecord header = records.get(0);
            for (int i = 0; i < header.size(); i++) {
                Column column = Column.of(header.get(i));
                if (column != null) {
                    columns.putIfAbsent(column, i);
                }
            }
            if (!columns.containsKey(Column.NAME) || !columns.containsKey(Column.ID_NUMBER)) {
                throw new UnreadableRosterException(
                        "The first line must be the header: 序号,姓名,性别,身份证号码,手机号码,备注 (or no,name,gender,idNumber,phone,remark)");
            }
            List<RosterRow> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                String name = field(record, columns.get(Column.NAME));
                String id = field(record, columns.get(Column.ID_NUMBER));
                String phone = field(record, columns.get(Column.PHONE));
                if (name.isEmpty() && id.isEmpty() && phone.isEmpty()) {
                    continue;
                }
                rows.add(row(
                        rows.size() + 1,
                        name,
                        field(record, columns.get(Column.GENDER)),
                        id,
                        phone,
                        field(record, columns.get(Column.REMARK))));
            }
            return new Parsed(RosterApplication.NONE, rows);
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UnreadableRosterException("The CSV file cannot be read: " + e.getMessage());
        }
    }

    /** UTF-8 (with or without the byte-order mark Excel writes), else GB18030, which Excel uses for CSV on Chinese Windows. */
    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    private static String field(CSVRecord record, Integer column) {
        return column == null || column >= record.size()
                ? ""
                : record.get(column).strip();
    }

    // ---- shared -----------------------------------------------------------------------------------------

    /**
     * A row from any format. Full-width digits and X become half-width; an ID number written in scientific
     * notation or with a decimal part was a number somewhere on its way and has lost digits.
     */
    static RosterRow row(int rowNo, String name, String gender, String idNumber, String phone, String remark) {
        String id = idNumber == null
                ? ""
                : Normalizer.normalize(idNumber, Normalizer.Form.NFKC)
                        .replace(" ", "")
                        .strip();
        if (SCIENTIFIC.matcher(id).matches() || DECIMAL.matcher(id).matches()) {
            return new RosterRow(
                    rowNo, name, gender, null, phone, remark, ID_STORED_AS_NUMBER, ID_STORED_AS_NUMBER_MESSAGE);
        }
        return RosterRow.of(rowNo, name == null ? "" : name.strip(), gender, id, phone, remark);
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "").replace(":", "").replace("：", "");
    }

    private static Integer integer(String value) {
        BigDecimal number = decimal(value);
        try {
            return number == null ? null : number.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").replace("元", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
