package cn.huzhu.identity;

/** The ID number is malformed; the message says why without repeating the number. */
public class InvalidIdNumberException extends RuntimeException {

    public InvalidIdNumberException(String message) {
        super(message);
    }
}
