package cn.huzhu.contracts;

/**
 * An inbound record whose sender cannot be verified (no signed identity, one not valid when the broker took the record,
 * or a proof that does not cover this very record); consumers send it to the dead-letter topic without retrying.
 */
public class UnverifiedRecordException extends RuntimeException {

    public UnverifiedRecordException(String message) {
        super(message);
    }
}
