package cn.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankAccountNumberTest {

    /** Test card numbers with a Luhn check digit computed by hand: 6222 0212 3456 7890 12x. */
    static final String CARD = BankAccounts.card("622202123456789012");

    @Test
    void shouldAcceptACardWithItsCheckDigitAndDropSpaces() {
        BankAccountNumber number = BankAccountNumber.parse(
                BankAccountNumber.Type.CARD, " " + CARD.substring(0, 4) + " " + CARD.substring(4) + " ");

        assertThat(number.value()).isEqualTo(CARD);
        assertThat(number.masked()).isEqualTo(CARD.substring(0, 4) + "*".repeat(11) + CARD.substring(15));
        assertThat(number.toString()).doesNotContain(CARD.substring(4, 15));
    }

    @Test
    void shouldKnowTheLuhnCheckOfAWellKnownTestNumber() {
        assertThat(BankAccountNumber.luhn("4111111111111111")).isTrue();
        assertThat(BankAccountNumber.luhn("4111111111111112")).isFalse();
        assertThat(BankAccountNumber.luhn("79927398713")).isTrue();
    }

    @Test
    void shouldRefuseACardWithAWrongCheckDigitWithoutRepeatingIt() {
        String wrong = CARD.substring(0, 18) + (char) ('0' + (CARD.charAt(18) - '0' + 1) % 10);

        assertThatThrownBy(() -> BankAccountNumber.parse(BankAccountNumber.Type.CARD, wrong))
                .isInstanceOf(InvalidBankAccountException.class)
                .hasMessageContaining("check digit")
                .hasMessageNotContaining(wrong);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "62220212345678901234567", "6222abcd12345678"})
    void shouldRefuseCardNumbersOfTheWrongShape(String number) {
        assertThatThrownBy(() -> BankAccountNumber.parse(BankAccountNumber.Type.CARD, number))
                .isInstanceOf(InvalidBankAccountException.class);
    }

    @Test
    void shouldTakeAPassbookAccountWithoutACheckDigit() {
        assertThat(BankAccountNumber.parse(BankAccountNumber.Type.PASSBOOK, "1204-0000-1234-5678")
                        .value())
                .isEqualTo("1204000012345678");
        assertThatThrownBy(() -> BankAccountNumber.parse(BankAccountNumber.Type.PASSBOOK, "1234567"))
                .isInstanceOf(InvalidBankAccountException.class);
    }
}
