package cn.huzhu.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Thresholds as Civil Code art. 1259 reads them: 以上 and 以下 include the number, 低于 and 超过 exclude it. */
class ThresholdTest {

    static Threshold read(String json) throws Exception {
        return Threshold.read(new ObjectMapper().readTree(json));
    }

    @Test
    void yishangIncludesItsNumber() throws Exception {
        Threshold thousandOrMore = read("{\"atLeast\": 1000}");
        assertThat(thousandOrMore.admits(1000)).isTrue();
        assertThat(thousandOrMore.admits(999)).isFalse();
        assertThat(thousandOrMore).hasToString("≥ 1000 (以上)");
    }

    @Test
    void yixiaIncludesItsNumber() throws Exception {
        assertThat(read("{\"atMost\": 50}").admits(50)).isTrue();
        assertThat(read("{\"atMost\": 50}").admits(51)).isFalse();
    }

    @Test
    void diyuAndChaoguoExcludeTheirNumber() throws Exception {
        assertThat(read("{\"below\": \"0.70\"}").admits(new BigDecimal("0.70"))).isFalse();
        assertThat(read("{\"below\": \"0.70\"}").admits(new BigDecimal("0.6999")))
                .isTrue();
        assertThat(read("{\"above\": 100}").admits(100)).isFalse();
        assertThat(read("{\"above\": 100}").admits(101)).isTrue();
    }

    @Test
    void aThresholdHasExactlyOneReading() {
        assertThatThrownBy(() -> read("{\"atLeast\": 1, \"below\": 2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"moreThan\": 1}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUnitThresholdsOfAPlanAreReadFromItsDefinition() {
        String definition = """
                {"unitIncentives": {"renewalDiscount": {"premiumPerShare": "40.00", "minimumEnrolled": 100, "maximumPayoutRatio": "0.50", "yearsBack": 2}},
                 "giftRule": {"minimumHospitalEnrolled": 200, "payoutRatioBelow": "0.70"},
                 "medicalSubsidy": {"enrolled": {"atLeast": 1000}, "payoutRatio": {"below": "0.70"}, "yearsBack": 1}}""";
        var thresholds = PlanThresholds.read(definition);

        assertThat(thresholds.get(PlanThresholds.Kind.RENEWAL_DISCOUNT).admits(100, new BigDecimal("0.4999")))
                .isTrue();
        assertThat(thresholds.get(PlanThresholds.Kind.RENEWAL_DISCOUNT).admits(100, new BigDecimal("0.50")))
                .isFalse();
        assertThat(thresholds.get(PlanThresholds.Kind.RENEWAL_DISCOUNT).yearsBack())
                .isEqualTo(2);
        assertThat(thresholds.get(PlanThresholds.Kind.GIFT).admits(200, new BigDecimal("0.69")))
                .isTrue();
        assertThat(thresholds.get(PlanThresholds.Kind.GIFT).admits(199, new BigDecimal("0.10")))
                .isFalse();
        assertThat(thresholds.get(PlanThresholds.Kind.MEDICAL_SUBSIDY).admits(1000, new BigDecimal("0.69")))
                .as("1000人以上 includes 1000")
                .isTrue();
        assertThat(PlanThresholds.read("{}")).isEmpty();
        assertThat(thresholds.get(PlanThresholds.Kind.GIFT).admitsUnit("海曙", "PUBLIC"))
                .as("no units named: any unit")
                .isTrue();
    }

    @Test
    void aGiftForSomeUnitsAdmitsThoseOfItsDistrictsOrNatures() {
        var gift = PlanThresholds.read("""
                {"giftRule": {"minimumHospitalEnrolled": 200, "payoutRatioBelow": "0.70",
                              "units": {"districts": ["吴兴区"], "natures": ["PROVINCE_OWNED"]}}}""").get(PlanThresholds.Kind.GIFT);
        assertThat(gift.admitsUnit("吴兴区", "PUBLIC")).isTrue();
        assertThat(gift.admitsUnit("南浔区", "PROVINCE_OWNED")).isTrue();
        assertThat(gift.admitsUnit("南浔区", "PUBLIC")).isFalse();
    }
}
