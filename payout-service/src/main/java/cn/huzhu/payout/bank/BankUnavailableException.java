package cn.huzhu.payout.bank;

/** The bank could not be reached or gave no usable answer. */
public class BankUnavailableException extends RuntimeException {

    public BankUnavailableException(String message) {
        super(message);
    }

    public BankUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
