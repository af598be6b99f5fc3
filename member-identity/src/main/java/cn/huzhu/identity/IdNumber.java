package cn.huzhu.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male)
 * and an ISO 7064 MOD 11-2 check character. Unknown region codes are accepted (they change over time);
 * a wrong check character or an impossible birth date is not. Legacy 15-digit numbers (2-digit year,
 * no check character) are converted to 18 digits. {@link #toString()} never reveals the number.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * @param raw   the number as entered (spaces around it and a lower-case x are accepted)
     * @param today to refuse birth dates in the future
     * @throws InvalidIdNumberException with a reason that never repeats the number
     */
    public static IdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdNumberException("ID number is required");
        }
        String text = raw.strip().toUpperCase();
        if (text.length() == 15) {
            if (!text.chars().allMatch(Character::isDigit)) {
                throw new InvalidIdNumberException("a 15-digit ID number has digits only");
            }
            String body = text.substring(0, 6) + "19" + text.substring(6);
            text = body + checkCharacter(body);
        } else if (text.length() == 18) {
            if (!text.substring(0, 17).chars().allMatch(Character::isDigit)) {
                throw new InvalidIdNumberException("the first 17 characters of an ID number are digits");
            }
            char expected = checkCharacter(text.substring(0, 17));
            if (text.charAt(17) != expected) {
                throw new InvalidIdNumberException("the check character of the ID number is wrong");
            }
        } else {
            throw new InvalidIdNumberException("an ID number has 18 characters (or 15 digits for legacy numbers)");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(text.substring(6, 10)),
                    Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidIdNumberException("the birth date in the ID number does not exist");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            throw new InvalidIdNumberException("the birth date in the ID number is not possible");
        }
        return new IdNumber(text, birth);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The full 18-character number; only for storage and for roles that need it. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** First 4 and last 4 characters; hides region detail, birth date and sequence. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return "****";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
