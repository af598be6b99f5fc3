package cn.huzhu.identity;

/** Valid bank card numbers for tests: the body with its Luhn check digit, computed here independently. */
public final class BankAccounts {

    private BankAccounts() {}

    /** @param body the card number without its check digit (15 to 18 digits) */
    public static String card(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** The n-th test card of a bank: 19 digits, 6222 0 followed by n. */
    public static String card(int n) {
        return card(String.format("62220%013d", n));
    }
}
