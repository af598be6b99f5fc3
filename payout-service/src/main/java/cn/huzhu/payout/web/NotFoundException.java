package cn.huzhu.payout.web;

/** A resource the request names does not exist. */
class NotFoundException extends RuntimeException {

    NotFoundException(String what, Object id) {
        super("There is no " + what + " " + id);
    }
}
