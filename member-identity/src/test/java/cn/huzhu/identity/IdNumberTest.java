package cn.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void shouldAcceptTheStandardSampleAndDeriveBirthDateAndGender() {
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void shouldDeriveMaleFromAnOddSequence() {
        assertThat(IdNumber.parse(IdNumbers.of("440524", LocalDate.of(1980, 1, 1), 1), TODAY)
                        .gender())
                .isEqualTo(Gender.MALE);
    }

    @Test
    void shouldAcceptALowerCaseCheckCharacterAndSurroundingSpaces() {
        assertThat(IdNumber.parse(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void shouldConvertALegacyFifteenDigitNumber() {
        IdNumber id = IdNumber.parse("110105491231002", TODAY);

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void shouldAcceptAnUnknownRegionCode() {
        String unknownRegion = IdNumbers.of("999999", LocalDate.of(1990, 5, 17), 123);

        assertThat(IdNumber.parse(unknownRegion, TODAY).birthDate()).isEqualTo(LocalDate.of(1990, 5, 17));
    }

    @Test
    void shouldRejectAWrongCheckCharacter() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021", TODAY))
                .isInstanceOf(InvalidIdNumberException.class)
                .hasMessageContaining("check character")
                .hasMessageNotContaining("110105");
    }

    @Test
    void shouldRejectAnImpossibleBirthDate() {
        String february30 = "33020319900230001";
        String withCheck = february30 + IdNumber.checkCharacter(february30);

        assertThatThrownBy(() -> IdNumber.parse(withCheck, TODAY))
                .isInstanceOf(InvalidIdNumberException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldRejectABirthDateInTheFuture() {
        String future = IdNumbers.of("330203", TODAY.plusDays(1), 1);

        assertThatThrownBy(() -> IdNumber.parse(future, TODAY))
                .isInstanceOf(InvalidIdNumberException.class)
                .hasMessageContaining("not possible");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "12345", "1101051949123100", "11010519491231002XX", "A1010519491231002X", "11010549123100A"})
    void shouldRejectMalformedNumbers(String raw) {
        assertThatThrownBy(() -> IdNumber.parse(raw, TODAY)).isInstanceOf(InvalidIdNumberException.class);
    }

    @Test
    void shouldNeverShowTheFullNumber() {
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);

        assertThat(id.masked()).isEqualTo("1101**********002X");
        assertThat(id.toString()).doesNotContain("19491231");
    }
}
