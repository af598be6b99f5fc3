package cn.huzhu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayerTest {

    @Test
    void onlyTheMemberAndTheUnitBuyCover() {
        assertThat(Payer.MEMBER.buysCover()).isTrue();
        assertThat(Payer.UNIT.buysCover()).isTrue();
        assertThat(Payer.UNION.buysCover()).isFalse();
        assertThat(Payer.PROVINCE.buysCover()).isFalse();
    }

    @Test
    void aPayerIsReadByItsNameAndAnUnknownOneIsRefusedWithTheNamesAllowed() {
        assertThat(Payer.of("PROVINCE")).isEqualTo(Payer.PROVINCE);
        assertThatThrownBy(() -> Payer.of("member")).hasMessageContaining("[MEMBER, UNIT, UNION, PROVINCE]");
        assertThatThrownBy(() -> Payer.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Payer.named("UNION")).contains(Payer.UNION);
        assertThat(Payer.named("CITY")).isEmpty();
    }
}
