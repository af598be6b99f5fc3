package cn.huzhu.identity;

import java.util.Objects;

/**
 * The number of the account a member is paid to. A bank card (银行卡, UnionPay and the banks' debit cards) has 16 to
 * 19 digits and its last digit is a Luhn check digit; a passbook account (存折) has 8 to 30 digits and no check digit.
 * Spaces and hyphens as people write them are dropped. {@link #toString()} never reveals the number.
 */
public final class BankAccountNumber {

    /** What the number designates: the Luhn check applies to cards only. */
    public enum Type {
        CARD,
        PASSBOOK
    }

    private final Type type;
    private final String value;

    private BankAccountNumber(Type type, String value) {
        this.type = type;
        this.value = value;
    }

    /** @throws InvalidBankAccountException with a reason that never repeats the number */
    public static BankAccountNumber parse(Type type, String raw) {
        Objects.requireNonNull(type, "type");
        if (raw == null || raw.isBlank()) {
            throw new InvalidBankAccountException("the account number is required");
        }
        String digits = raw.strip().replace(" ", "").replace("-", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidBankAccountException("an account number has digits only");
        }
        if (type == Type.CARD) {
            if (digits.length() < 16 || digits.length() > 19) {
                throw new InvalidBankAccountException("a bank card number has 16 to 19 digits");
            }
            if (!luhn(digits)) {
                throw new InvalidBankAccountException("the check digit of the bank card number is wrong");
            }
        } else if (digits.length() < 8 || digits.length() > 30) {
            throw new InvalidBankAccountException("a passbook account number has 8 to 30 digits");
        }
        return new BankAccountNumber(type, digits);
    }

    /** Whether the digits pass the Luhn (mod 10) check, the last digit being the check digit. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public Type type() {
        return type;
    }

    /** The full number; only for the transfer itself and for roles that need it. */
    public String value() {
        return value;
    }

    public String masked() {
        return mask(value);
    }

    /** First 4 and last 4 digits ("6222 **** 1234" without spaces); shorter numbers show the last 4 only. */
    public static String mask(String number) {
        if (number == null || number.length() < 4) {
            return "****";
        }
        if (number.length() < 12) {
            return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BankAccountNumber other && other.type == type && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
