package cn.huzhu.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Valid ID numbers for tests: region, birth date and sequence with the right check character. */
public final class IdNumbers {

    private IdNumbers() {}

    /** @param sequence 0..999; odd for a man, even for a woman */
    public static String of(String region, LocalDate birth, int sequence) {
        String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return body + IdNumber.checkCharacter(body);
    }

    public static String male(int n) {
        return of("330203", LocalDate.of(1980, 1, 1).plusDays(n / 400), (n % 400) * 2 + 1);
    }

    public static String female(int n) {
        return of("330203", LocalDate.of(1982, 1, 1).plusDays(n / 400), (n % 400) * 2);
    }
}
