package cn.huzhu.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ExportTableTest {

    @Test
    void shouldNeutraliseCsvCellsASpreadsheetWouldTakeForAFormulaAndLeaveNumbersAlone() throws IOException {
        ExportTable table = new ExportTable(
                "units",
                List.of("名称", "变化"),
                List.of(
                        List.of("=HYPERLINK(\"http://x\",\"点我\")", new BigDecimal("-12.50")),
                        List.of("+SUM(A1:A9)", -3),
                        List.of("-2+3", "-7"),
                        List.of("@cmd", "普通单位"),
                        List.of("\tTAB", "\rCR")));

        byte[] csv = table.write(ExportTable.Format.CSV);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(Arrays.copyOfRange(csv, 3, csv.length), StandardCharsets.UTF_8)))
                .getRecords();

        assertThat(records)
                .extracting(r -> r.get(0))
                .containsExactly("'=HYPERLINK(\"http://x\",\"点我\")", "'+SUM(A1:A9)", "'-2+3", "'@cmd", "'\tTAB");
        assertThat(records)
                .extracting(r -> r.get(1))
                .as("numbers stay numbers")
                .containsExactly("-12.50", "-3", "-7", "普通单位", "'\rCR");
    }
}
