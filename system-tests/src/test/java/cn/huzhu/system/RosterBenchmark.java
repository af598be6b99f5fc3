package cn.huzhu.system;

import cn.huzhu.vocabulary.BusinessZone;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Unit rosters of 5 000 members uploaded as .xlsx, one after another: seconds from the upload until the answer
 * (every row checked and enrolled), and until the reporting service's district table shows every enrolment.
 *
 * <pre>./mvnw -B -q -DskipTests install &amp;&amp; ./mvnw -B -q -pl system-tests exec:java -Dbenchmark.main=cn.huzhu.system.RosterBenchmark</pre>
 *
 * {@code -Dbenchmark.rosters} (default 5), {@code -Dbenchmark.rows} (default 5000), {@code -Dbenchmark.plan}
 * (default quzhou-2020-hospital, whose rosters are taken from 2019-09-01 to 2019-11-30: the platform then runs on the business
 * day {@code -Dbenchmark.business-date}, default 2019-10-15, and the district table of 2020 is read).
 */
public final class RosterBenchmark {

    private static final String DISTRICT = "衢江区";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RosterBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rosters = Integer.getInteger("benchmark.rosters", 5);
        int rows = Integer.getInteger("benchmark.rows", 5000);
        String plan = System.getProperty("benchmark.plan", "quzhou-2020-hospital");
        boolean quzhou = plan.equals("quzhou-2020-hospital");
        String businessDate = System.getProperty("benchmark.business-date", quzhou ? "2019-10-15" : "");
        int year = quzhou ? 2020 : LocalDate.now(BusinessZone.ZONE).getYear();
        Path logs = Files.createTempDirectory("huzhu-roster-benchmark");
        List<double[]> timings = new ArrayList<>();
        List<String> jvm = BenchmarkJvm.options();
        try (RunningPlatform platform = new RunningPlatform(
                logs,
                jvm,
                false,
                false,
                businessDate.isBlank() ? java.util.Map.of() : java.util.Map.of("BUSINESS_DATE", businessDate))) {
            String report = platform.reporting.baseUrl() + "/api/reports/district-enrollment?year=" + year;
            // One small roster first so both services have loaded their code paths once.
            long counted = pay(platform, upload(platform, plan, 0, 60, 0));
            DistrictTable.awaitTotal(report, counted, 50);
            for (int r = 1; r <= rosters; r++) {
                long start = System.nanoTime();
                JsonNode roster = upload(platform, plan, r, rows, r * rows);
                double answered = seconds(start);
                // the members count in the district table once the unit's transfer is recorded
                long enrolled = pay(platform, roster);
                counted += enrolled;
                DistrictTable.awaitTotal(report, counted, 50);
                double visible = seconds(start);
                timings.add(new double[] {enrolled, answered, visible});
                System.out.printf(
                        "roster %d: %d enrolled, answered %.2f s, in the district table %.2f s%n",
                        r, enrolled, answered, visible);
            }
        }
        System.out.println();
        System.out.printf(
                "%d rosters of %d rows (.xlsx upload, plan %s); services -Xmx1g, PostgreSQL and Kafka on the same 2 cores%n",
                rosters, rows, plan);
        System.out.println("| roster | rows enrolled | upload to answer | upload to district table |");
        System.out.println("|---|---|---|---|");
        for (int i = 0; i < timings.size(); i++) {
            double[] t = timings.get(i);
            System.out.printf("| %d | %.0f | %.2f s | %.2f s |%n", i + 1, t[0], t[1], t[2]);
        }
        double worst = timings.stream().mapToDouble(t -> t[2]).max().orElse(0);
        System.out.printf(
                "| **slowest** | | %.2f s | **%.2f s** |%n",
                timings.stream().mapToDouble(t -> t[1]).max().orElse(0), worst);
        // the first upload after the start pays the JIT's warm-up; the target holds for those after it
        double warmAnswer =
                timings.stream().skip(1).mapToDouble(t -> t[1]).max().orElse(worst);
        BenchmarkSummary.row(
                String.format("%d-row roster (.xlsx), upload to answer, slowest after the first of %d", rows, rosters),
                String.format(java.util.Locale.ROOT, "%.1f s (first %.1f s)", warmAnswer, timings.get(0)[1]),
                "—",
                "—",
                "< 10 s",
                warmAnswer < 10 ? "yes" : "no");
        System.exit(0);
    }

    /** Records the unit's transfer of what it owes for the roster; the number of members it enrolled. */
    private static long pay(RunningPlatform platform, JsonNode roster) {
        String rosterId = roster.path("rosterId").asText();
        Http.Response paid = Http.post(
                platform.enrollment.baseUrl() + "/api/rosters/" + rosterId + "/payments",
                Map.of("amount", roster.path("payment").path("amountDue").asText(), "reference", "ROSTER-" + rosterId));
        EnrollmentBenchmark.check(paid, 200);
        return roster.path("counts").path("enrolled").asLong();
    }

    private static JsonNode upload(RunningPlatform platform, String plan, int roster, int rows, int firstMember)
            throws Exception {
        String unitId = Http.post(
                        platform.enrollment.baseUrl() + "/api/units",
                        Map.of(
                                "name",
                                "名册单位" + roster,
                                "district",
                                DISTRICT,
                                "nature",
                                "NON_PUBLIC",
                                "insuredHeadcount",
                                rows))
                .json()
                .path("unitId")
                .asText();
        Http.Response answer = Http.post(
                platform.enrollment.baseUrl() + "/api/rosters?unitId=" + unitId + "&planId=" + plan,
                XLSX,
                workbook(firstMember, rows));
        if (answer.status() != 201
                || !"ACCEPTED".equals(answer.json().path("status").asText())) {
            throw new IllegalStateException(
                    "The roster was not accepted (outside the plan's enrolment window? try -Dbenchmark.plan=shaoxing-hospital): "
                            + answer.body()
                                    .substring(0, Math.min(600, answer.body().length())));
        }
        return answer.json();
    }

    /** Sheet1 the application form, Sheet2 the members with ID numbers as text, as the notice asks. */
    private static byte[] workbook(int firstMember, int rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet form = workbook.createSheet("Sheet1");
            Row counts = form.createRow(0);
            counts.createCell(0).setCellValue("参加职工医保人数");
            counts.createCell(1).setCellValue(rows);
            counts.createCell(2).setCellValue("参加医疗互助人数");
            counts.createCell(3).setCellValue(rows);
            Sheet members = workbook.createSheet("Sheet2");
            Row header = members.createRow(0);
            String[] columns = {"序号", "姓名", "性别", "身份证号码", "手机号码", "备注"};
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            for (int i = 0; i < rows; i++) {
                int n = firstMember + i;
                Row row = members.createRow(i + 1);
                row.createCell(0).setCellValue(i + 1);
                row.createCell(1).setCellValue("职工" + n);
                row.createCell(2).setCellValue("男");
                LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(n / 500);
                row.createCell(3)
                        .setCellValue(IdNumberFixtures.idNumber(
                                "330881", birth.format(DateTimeFormatter.BASIC_ISO_DATE), n % 500 * 2 + 1));
                row.createCell(4).setCellValue(String.format("139%08d", n));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
