package cn.huzhu.enrollment.command;

/** The actor may not do this (their capacity does not allow it), whatever the facts: answered as forbidden. */
public class NotEntitledException extends RefusedException {

    public NotEntitledException(String field, String message) {
        super("NOT_ENTITLED", field, message);
    }
}
