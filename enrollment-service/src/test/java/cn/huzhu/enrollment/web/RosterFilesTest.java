package cn.huzhu.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.enrollment.command.roster.RosterRow;
import cn.huzhu.identity.IdNumbers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RosterFilesTest {

    static final String ID_A = IdNumbers.of("330881", LocalDate.of(1985, 3, 1), 11);
    static final String ID_B = IdNumbers.of("330881", LocalDate.of(1986, 4, 2), 22);

    @Test
    void shouldReadTheApplicationFormAndTheMembersOfASeedStyleWorkbook() {
        byte[] workbook = new RosterWorkbook()
                .insuredStaff(60)
                .add(RosterWorkbook.Line.of("张三", "男", ID_A, "13800000001"))
                .add(RosterWorkbook.Line.of("李四", "女", ID_B, "13800000002"))
                .bytes();

        RosterFiles.Parsed parsed = RosterFiles.xlsx(workbook);

        assertThat(parsed.application().unitName()).isEqualTo("江山测试工会");
        assertThat(parsed.application().contactPhone())
                .as("the first 联系电话 on the form")
                .isEqualTo("0570-4578706");
        assertThat(parsed.application().staffInBasicInsurance()).isEqualTo(60);
        assertThat(parsed.application().staffTotal()).isEqualTo(62);
        assertThat(parsed.application().enrolling()).isEqualTo(2);
        assertThat(parsed.application().amountPerPerson()).isEqualByComparingTo("50");
        assertThat(parsed.rows())
                .as("template lines with only a number are skipped")
                .hasSize(2);
        RosterRow first = parsed.rows().get(0);
        assertThat(first.rowNo()).isEqualTo(1);
        assertThat(first.name()).isEqualTo("张三");
        assertThat(first.gender()).isEqualTo("男");
        assertThat(first.idNumber()).isEqualTo(ID_A);
        assertThat(first.phone())
                .as("a phone stored as a number keeps its digits")
                .isEqualTo("13800000001");
        assertThat(first.problemCode()).isNull();
    }

    @Test
    void shouldReportAnIdNumberThatExcelStoredAsANumber() {
        byte[] workbook = new RosterWorkbook()
                .add(RosterWorkbook.Line.of("张三", "男", ID_A, "13800000001"))
                .add(new RosterWorkbook.Line("李四", "女", ID_B.substring(0, 17) + "0", "13800000002", "", true))
                .bytes();

        RosterFiles.Parsed parsed = RosterFiles.xlsx(workbook);

        assertThat(parsed.rows().get(0).problemCode()).isNull();
        RosterRow numeric = parsed.rows().get(1);
        assertThat(numeric.problemCode()).isEqualTo("ID_NUMBER_STORED_AS_NUMBER");
        assertThat(numeric.idNumber())
                .as("the mangled number is not passed on as if it were an ID")
                .isNull();
        assertThat(numeric.name()).isEqualTo("李四");
    }

    @Test
    void shouldRefuseAWorkbookWhoseMembersSheetIsEmpty() {
        byte[] workbook = new RosterWorkbook().insuredStaff(10).withoutMembers().bytes();

        assertThatThrownBy(() -> RosterFiles.xlsx(workbook))
                .isInstanceOf(RosterFiles.UnreadableRosterException.class)
                .hasMessageContaining("Sheet2");
    }

    @Test
    void shouldRefuseAHeadcountOnTheFormThatIsNotANumber() throws Exception {
        byte[] workbook = new RosterWorkbook()
                .insuredStaff(60)
                .add(RosterWorkbook.Line.of("张三", "男", ID_A, "13800000001"))
                .bytes();
        byte[] edited;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
                        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            book.getSheet("Sheet1").getRow(4).getCell(3).setCellValue("六十");
            book.write(out);
            edited = out.toByteArray();
        }

        assertThatThrownBy(() -> RosterFiles.xlsx(edited))
                .isInstanceOf(RosterFiles.UnreadableRosterException.class)
                .hasMessageContaining("参加职工医保人数");
    }

    @Test
    void shouldRefuseAFileThatIsNotAWorkbook() {
        assertThatThrownBy(() -> RosterFiles.xlsx("序号,姓名".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RosterFiles.UnreadableRosterException.class)
                .hasMessageContaining(".xlsx");
    }

    @Test
    void shouldReadCsvInUtf8WithByteOrderMarkAndInGb18030() {
        String csv = "序号,姓名,性别,身份证号码,手机号码,备注\n1,张三,男," + ID_A + ",13800000001,\n\n2,李四,女," + ID_B + ",,退伍\n";

        RosterFiles.Parsed utf8 = RosterFiles.csv(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
        RosterFiles.Parsed gbk = RosterFiles.csv(csv.getBytes(Charset.forName("GB18030")));

        for (RosterFiles.Parsed parsed : new RosterFiles.Parsed[] {utf8, gbk}) {
            assertThat(parsed.rows()).hasSize(2);
            assertThat(parsed.rows().get(0).name()).isEqualTo("张三");
            assertThat(parsed.rows().get(1).idNumber()).isEqualTo(ID_B);
            assertThat(parsed.rows().get(1).remark()).isEqualTo("退伍");
        }
    }

    @Test
    void shouldReportScientificNotationAndNormaliseFullWidthDigits() {
        String fullWidth = ID_A.chars()
                .mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (c - '0' + '０')) : String.valueOf((char) c))
                .reduce("", String::concat);
        String csv = "name,gender,idNumber,phone\n张三,男,3.30881198503E+17,\n李四,男," + fullWidth
                + ",\n王五,男,330881198503010000.0,\n";

        RosterFiles.Parsed parsed = RosterFiles.csv(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.rows().get(0).problemCode()).isEqualTo("ID_NUMBER_STORED_AS_NUMBER");
        assertThat(parsed.rows().get(1).problemCode()).isNull();
        assertThat(parsed.rows().get(1).idNumber()).isEqualTo(ID_A);
        assertThat(parsed.rows().get(2).problemCode()).isEqualTo("ID_NUMBER_STORED_AS_NUMBER");
    }

    @Test
    void shouldRefuseCsvWithoutTheHeader() {
        assertThatThrownBy(() -> RosterFiles.csv(("张三,男," + ID_A + "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RosterFiles.UnreadableRosterException.class)
                .hasMessageContaining("header");
    }
}
