package cn.huzhu.security;

/** The resource a request names does not exist: answered 404 by {@link PlatformProblems#common}. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("There is no " + what + " " + id);
    }
}
