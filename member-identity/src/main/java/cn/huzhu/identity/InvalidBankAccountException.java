package cn.huzhu.identity;

/** The account number is malformed; the message says why without repeating the number. */
public class InvalidBankAccountException extends RuntimeException {
    public InvalidBankAccountException(String message) {
        super(message);
    }
}
