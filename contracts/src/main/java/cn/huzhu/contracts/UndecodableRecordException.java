package cn.huzhu.contracts;

/** Bytes that are not a readable contract record; consumers send them to the dead-letter topic. */
public class UndecodableRecordException extends RuntimeException {

    public UndecodableRecordException(String message) {
        super(message);
    }

    public UndecodableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
