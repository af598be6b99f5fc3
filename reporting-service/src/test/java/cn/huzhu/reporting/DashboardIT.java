package cn.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.contracts.EventCodec;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.claims.ApprovedBenefit;
import cn.huzhu.contracts.claims.ClaimApproved;
import cn.huzhu.contracts.enrollment.EnrollmentTargetSet;
import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.contracts.payouts.PayoutSucceeded;
import cn.huzhu.localstack.LocalStack;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard at {@code /} in headless Chromium (the system's {@code chromium} and {@code chromedriver}): fed over
 * Kafka with the enrolments, targets, claims and payouts of two districts of a year of its own, it shows their
 * figures; choosing a district narrows the page to it. Screenshots are kept in {@code target/dashboard/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardIT extends OnLocalStack {

    static final int YEAR = 2062;
    static final String INSERVICE = "ningbo-2020-inservice-hospital";
    static final String RETIRED = "ningbo-2020-retiree-hospital";
    static final Path SCREENSHOTS = Path.of("target", "dashboard");

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromium() throws Exception {
        File chromium = new File(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        File driver = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        assertThat(chromium.canExecute())
                .as("Chromium (Debian: apt-get install chromium chromium-driver; .ci/run installs them)")
                .isTrue();
        assertThat(driver.canExecute())
                .as("chromedriver (Debian: apt-get install chromium-driver)")
                .isTrue();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--window-size=1400,2600",
                        "--lang=zh-CN");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Two districts of this test alone: 大榭 (4 in service, 1 gift, 6 real-name) and 梅山 (3 retired, 3 real-name). */
    static void publish() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalStack.shared().bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            UUID daxie = UUID.randomUUID();
            UUID meishan = UUID.randomUUID();
            send(
                    producer,
                    Topics.UNITS,
                    daxie,
                    UnitRegistered.newBuilder()
                            .setEventId(UUID.randomUUID())
                            .setOccurredAt(Instant.now())
                            .setUnitId(daxie)
                            .setName("大榭开发区管委会")
                            .setDistrict("大榭")
                            .setNature("PUBLIC")
                            .setInsuredHeadcount(10)
                            .build());
            send(
                    producer,
                    Topics.UNITS,
                    meishan,
                    UnitRegistered.newBuilder()
                            .setEventId(UUID.randomUUID())
                            .setOccurredAt(Instant.now())
                            .setUnitId(meishan)
                            .setName("梅山港务")
                            .setDistrict("梅山")
                            .setNature("ENTERPRISE")
                            .setInsuredHeadcount(10)
                            .build());
            target(producer, daxie, "大榭", 8);
            target(producer, meishan, "梅山", 10);
            for (int i = 0; i < 6; i++) {
                UUID member = UUID.randomUUID();
                send(
                        producer,
                        Topics.MEMBERS,
                        member,
                        DistrictEnrollmentReportingIT.registered(
                                member.toString(), "大榭", true, LocalDate.of(YEAR, 1, 10)));
                if (i < 4) {
                    UUID enrollment = enrol(
                            producer, member, daxie, "大榭", "IN_SERVICE", INSERVICE, new BigDecimal("50.00"), false);
                    if (i == 0) {
                        claim(
                                producer,
                                member,
                                enrollment,
                                INSERVICE,
                                new BigDecimal("80.00"),
                                LocalDate.of(YEAR, 3, 10),
                                LocalDate.of(YEAR, 3, 14));
                        enrol(
                                producer,
                                member,
                                daxie,
                                "大榭",
                                "IN_SERVICE",
                                "ningbo-2020-special-disease",
                                new BigDecimal("20.00"),
                                true);
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                UUID member = UUID.randomUUID();
                send(
                        producer,
                        Topics.MEMBERS,
                        member,
                        DistrictEnrollmentReportingIT.registered(
                                member.toString(), "梅山", true, LocalDate.of(YEAR, 1, 10)));
                UUID enrollment =
                        enrol(producer, member, meishan, "梅山", "RETIRED", RETIRED, new BigDecimal("130.00"), false);
                if (i == 0) {
                    claim(
                            producer,
                            member,
                            enrollment,
                            RETIRED,
                            new BigDecimal("195.00"),
                            LocalDate.of(YEAR, 4, 2),
                            LocalDate.of(YEAR, 4, 9));
                }
            }
            producer.flush();
        }
    }

    static void target(KafkaProducer<String, byte[]> producer, UUID unit, String district, int target) {
        String targetId = "UNIT:" + unit + ":" + YEAR + ":*";
        producer.send(new ProducerRecord<>(
                Topics.TARGETS,
                targetId,
                EventCodec.contracts()
                        .encode(EnrollmentTargetSet.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(Instant.now())
                                .setTargetId(targetId)
                                .setScope("UNIT")
                                .setUnitId(unit)
                                .setDistrict(district)
                                .setYear(YEAR)
                                .setPlanId(null)
                                .setTarget(target)
                                .build())));
    }

    static UUID enrol(
            KafkaProducer<String, byte[]> producer,
            UUID member,
            UUID unit,
            String district,
            String category,
            String plan,
            BigDecimal premium,
            boolean gifted) {
        UUID enrollment = UUID.randomUUID();
        send(
                producer,
                Topics.MEMBERS,
                member,
                MemberEnrolled.newBuilder(DistrictEnrollmentReportingIT.enrolled(
                                member.toString(), district, category, gifted, LocalDate.of(YEAR, 2, 1)))
                        .setEnrollmentId(enrollment)
                        .setUnitId(unit)
                        .setPlanId(plan)
                        .setPremium(premium)
                        .setPremiumStatus("COLLECTED")
                        .setFunding(List.of(new Funding(gifted ? "UNION" : "MEMBER", premium)))
                        .build());
        return enrollment;
    }

    static void claim(
            KafkaProducer<String, byte[]> producer,
            UUID member,
            UUID enrollment,
            String plan,
            BigDecimal amount,
            LocalDate submitted,
            LocalDate paid) {
        UUID claimId = UUID.randomUUID();
        send(
                producer,
                Topics.CLAIMS,
                member,
                ClaimApproved.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setClaimId(claimId)
                        .setMemberId(member)
                        .setType("HOSPITALIZATION")
                        .setEventDate(submitted.minusDays(7))
                        .setDecidedOn(submitted)
                        .setSubmittedOn(submitted)
                        .setTotal(amount)
                        .setBenefits(List.of(new ApprovedBenefit(plan, 1, enrollment, amount)))
                        .setHospitalSettlement(null)
                        .build());
        send(
                producer,
                Topics.PAYOUTS,
                member,
                PayoutSucceeded.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setPayoutId(UUID.randomUUID())
                        .setClaimId(claimId)
                        .setMemberId(member)
                        .setReference("R-" + claimId)
                        .setBatchId(UUID.randomUUID())
                        .setDistrict("宁波")
                        .setAmount(amount)
                        .setBenefit(amount)
                        .setConfirmedOn(paid)
                        .build());
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, UUID key, SpecificRecord record) {
        producer.send(new ProducerRecord<>(
                topic, key.toString(), EventCodec.contracts().encode(record)));
    }

    /** The cells of the row of {@code table} whose first cell is {@code name}; empty when there is none. */
    static List<String> row(String table, String name) {
        for (WebElement tr : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            List<String> cells = tr.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText)
                    .toList();
            if (!cells.isEmpty() && cells.get(0).equals(name)) {
                return cells;
            }
        }
        return List.of();
    }

    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Waits for the page's next answer to have been rendered (it counts its loads). */
    static void awaitLoad(int loads) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            String done = d.findElement(By.tagName("body")).getDomAttribute("data-loads");
            return done != null && Integer.parseInt(done) >= loads;
        });
    }

    static void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theDashboardShowsTheProjectedFiguresAndAFilterNarrowsThem() throws Exception {
        publish();
        String token = LocalStack.shared().tokens().token("test-viewer", "DASHBOARD_VIEWER", null, null, null);
        // without a token the page asks for one and shows no figures; signed in, it keeps the token for the tab
        String page = "http://localhost:" + port + "/?year=" + YEAR;
        browser.get(page);
        awaitLoad(1);
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-state"))
                .isEqualTo("signed-out");
        assertThat(browser.findElement(By.id("signin")).isDisplayed()).isTrue();
        assertThat(text("kpi-enrolled")).isEqualTo("–");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#signin button")).click();
        awaitLoad(2);
        assertThat(browser.findElement(By.id("signin")).isDisplayed()).isFalse();
        // the projections catch up with the topics: reload until the last figures published are shown
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    browser.get(page);
                    awaitLoad(1);
                    assertThat(row("table-enrollment", "大榭"))
                            .containsExactly("大榭", "1", "4", "0", "5", "6", "83.33", "–");
                    assertThat(row("table-enrollment", "梅山"))
                            .containsExactly("梅山", "0", "0", "3", "3", "3", "100.00", "–");
                    assertThat(row("table-claims", YEAR + "-04")).isNotEmpty();
                    assertThat(row("table-targets", "梅山港务")).isNotEmpty();
                });
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-state"))
                .isEqualTo("ready");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.getTitle()).contains("数据看板");
        assertThat(browser.findElements(By.cssSelector("#chart-enrollment canvas")))
                .as("ECharts drew the district chart")
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-ratios canvas"))).isNotEmpty();
        // payout ratios by district: 80 of 4 × 50 + 20 collected in 大榭; 195 of 3 × 130 in 梅山
        assertThat(row("table-ratios", "大榭")).containsExactly("大榭", "4", "220.00", "80.00", "36.36");
        assertThat(row("table-ratios", "梅山")).containsExactly("梅山", "3", "390.00", "195.00", "50.00");
        assertThat(row("table-targets", "大榭开发区管委会")).containsExactly("大榭开发区管委会", "大榭", "8", "5", "62.50", "–");
        assertThat(row("table-claims", YEAR + "-03"))
                .containsExactly(YEAR + "-03", "1", "1", "0", "80.00", "100.00", "4.0");
        assertThat(row("table-fund", RETIRED)).containsExactly(RETIRED, "390.00", "195.00", "0.00", "195.00");
        screenshot("dashboard-" + YEAR);

        new Select(browser.findElement(By.id("district"))).selectByValue("梅山");
        awaitLoad(2);
        assertThat(browser.getCurrentUrl()).contains("district=");
        assertThat(text("kpi-enrolled")).isEqualTo("3");
        assertThat(text("kpi-real-name")).isEqualTo("3");
        assertThat(text("kpi-ratio")).isEqualTo("50.00%");
        assertThat(text("kpi-claims")).isEqualTo("1");
        assertThat(text("kpi-target")).isEqualTo("30.00%");
        assertThat(text("ratios-key")).isEqualTo("单位");
        assertThat(row("table-ratios", "梅山港务")).containsExactly("梅山港务", "3", "390.00", "195.00", "50.00");
        assertThat(row("table-ratios", "大榭")).isEmpty();
        assertThat(row("table-enrollment", "大榭")).isEmpty();
        assertThat(row("table-claims", YEAR + "-03"))
                .as("大榭's claim is not 梅山's")
                .isEmpty();
        screenshot("dashboard-" + YEAR + "-梅山");

        new Select(browser.findElement(By.id("district"))).selectByValue("");
        awaitLoad(3);
        new Select(browser.findElement(By.id("plan"))).selectByValue(INSERVICE);
        awaitLoad(4);
        assertThat(browser.findElements(By.cssSelector("#table-fund tbody tr"))).hasSize(1);
        assertThat(row("table-fund", INSERVICE)).containsExactly(INSERVICE, "200.00", "80.00", "0.00", "120.00");
        assertThat(row("table-ratios", "梅山")).isEmpty();

        // opened without a year (a new tab: the token given in the address fragment, which never reaches the server and
        // is
        // dropped from the address), the page offers the years with figures (this test's among them) and shows one
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get("http://localhost:" + port + "/#token=" + token);
        awaitLoad(1);
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-state"))
                .isEqualTo("ready");
        assertThat(new Select(browser.findElement(By.id("year"))).getOptions())
                .extracting(o -> o.getDomAttribute("value"))
                .contains(String.valueOf(YEAR));
    }
}
