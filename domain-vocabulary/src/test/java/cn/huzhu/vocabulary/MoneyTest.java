package cn.huzhu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void anAmountInWholeFenIsKeptExactlyWhateverItsScale() {
        assertThat(Money.of("95").fen()).isEqualTo(9500);
        assertThat(Money.of("12.5").fen()).isEqualTo(1250);
        assertThat(Money.of("3.10").yuan()).isEqualTo(new BigDecimal("3.10"));
        assertThat(Money.of(new BigDecimal("0.010")).text()).isEqualTo("0.01");
        assertThat(Money.of("-20.00").fen()).isEqualTo(-2000);
    }

    @Test
    void anAmountFinerThanAFenIsRefusedInsteadOfRounded() {
        assertThatThrownBy(() -> Money.of("0.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.005");
        assertThatThrownBy(() -> Money.exactYuan(new BigDecimal("1.999"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of((BigDecimal) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundingFollowsThePlansModeAndScaleAndNeverGoesBelowAFen() {
        BigDecimal computed = new BigDecimal("1234.5678");
        assertThat(Money.rounded(computed, RoundingMode.HALF_UP, 2).text()).isEqualTo("1234.57");
        // Shaoxing pays whole yuan, rounded down
        assertThat(Money.rounded(computed, RoundingMode.DOWN, 0).text()).isEqualTo("1234.00");
        assertThat(Money.rounded(new BigDecimal("0.125"), RoundingMode.HALF_EVEN, 2)
                        .text())
                .isEqualTo("0.12");
        assertThatThrownBy(() -> Money.rounded(computed, RoundingMode.HALF_UP, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticStaysInFen() {
        Money premium = Money.of("47.50").times(2);
        Money province = Money.of("37.50").times(2).min(premium);
        Money rest = premium.minus(province);
        assertThat(premium.text()).isEqualTo("95.00");
        assertThat(rest.text()).isEqualTo("20.00");
        assertThat(province.plus(rest)).isEqualTo(premium);
        assertThat(Money.ZERO.max(rest.minus(premium))).isEqualTo(Money.ZERO);
        assertThat(rest.isPositive()).isTrue();
        assertThat(rest.minus(rest).isZero()).isTrue();
        assertThat(Money.of("-1").isNegative()).isTrue();
        assertThat(Money.of("10.00").compareTo(Money.of("9.99"))).isPositive();
        assertThat(Money.text(null)).isNull();
        assertThat(Money.text(new BigDecimal("7.1"))).isEqualTo("7.10");
    }

    @Test
    void overflowIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("1e30")).isInstanceOf(IllegalArgumentException.class);
    }
}
